/**
 * The knowledge base and the public help center: categories, articles in several languages with their revisions,
 * search over them, votes, and the signals customer success reads. Other modules use {@link KnowledgeApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package io.rapport.knowledge;
