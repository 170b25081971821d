/**
 * The public help center ({@code /help}): pages read by anyone in their language, votes, the search log, the
 * suggestions in the portal's request form (deflection), the signals customer success reads, and the reports
 * writers use to see what is missing. Reads articles only through {@link io.rapport.knowledge.KnowledgeApi}.
 */
package io.rapport.knowledge.helpcenter;
