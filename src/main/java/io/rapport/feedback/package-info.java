/**
 * Product feedback: feature requests and complaints grouped into topics, ranked by how many tickets and
 * accounts ask, marked planned or shipped, with every requester told in one action when a topic ships.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Product feedback")
package io.rapport.feedback;
