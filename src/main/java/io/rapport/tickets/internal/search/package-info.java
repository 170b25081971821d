/**
 * Full-text search over tickets and their conversations (docs/search.md, "Ticket search"): one index document per
 * ticket ({@link io.rapport.tickets.internal.search.TicketDocument}), kept current as tickets change and messages
 * arrive ({@link io.rapport.tickets.internal.search.TicketIndexing}), searched through
 * {@link io.rapport.tickets.TicketSearch} by the API, the agent workspace and the portal, under the same access
 * rule as every read.
 */
package io.rapport.tickets.internal.search;
