package io.rapport.channels.email;

import io.rapport.tickets.TicketIntake;

/**
 * Implemented by the outbox: the "we received your request" mail. The inbound pipeline calls it for a ticket a
 * mail created, only when that mail may be answered (never for auto-submitted mail, lists or bounces) and the
 * mailbox sends it ({@code notifyReceived}); it is queued in the caller's transaction.
 *
 * @param ticket the ticket as the intake answered it ({@link io.rapport.tickets.TicketIntake.Received#thread()})
 * @param inReplyTo the customer's Message-ID (without angle brackets), so the acknowledgement threads under it
 */
public interface Acknowledgements {

	void acknowledge(long mailboxId, TicketIntake.Thread ticket, String inReplyTo);
}
