package io.rapport.channels.email.outbound;

import io.rapport.tickets.TicketCreated;

/**
 * A new ticket that asks for a mail, decided in the transaction that created it ({@link MailNotifications}): the
 * customer's acknowledgement when {@code acknowledge}, and the notices of agents who want every new ticket.
 */
public record NewTicketMail(TicketCreated ticket, boolean acknowledge) {
}
