package io.rapport.tickets;

import java.util.List;

import io.rapport.tickets.NewMessage.BodyFormat;

/**
 * A message a channel received (an email, a chat message, a phone call logged by an agent, an import), handed to
 * {@link TicketIntake}. Threading is the channel's decision: {@code ticketId} names the ticket to append to, or is
 * null for a new ticket.
 *
 * @param source where the message came from, stable across redeliveries ({@code email:support@acme.example},
 * {@code chat}, {@code phone}); with {@code externalId} it identifies the message, so a redelivery is recognised
 * @param externalId the channel's id for the message (an email's Message-ID); null when the channel has none, and
 * then no redelivery can be recognised
 * @param channel how the message arrived, recorded on a new ticket and in {@link MessagePosted}
 * @param ticketId the ticket to append to, or null to open a ticket
 * @param fromEmail the customer's address; the contact is found or created
 * @param fromName the customer's name, if the channel knows it
 * @param agentId the agent who writes for the customer (a phone call), or null when the customer wrote it
 * @param subject the new ticket's subject; ignored when appending
 * @param body the message as received
 * @param format TEXT or HTML; null guesses from the body
 * @param uploads files on the message, stored with it
 */
public record InboundMessage(String source, String externalId, Channel channel, Long ticketId, String fromEmail,
		String fromName, Long agentId, String subject, String body, BodyFormat format, List<Upload> uploads) {

	public InboundMessage {
		uploads = uploads == null ? List.of() : List.copyOf(uploads);
	}
}
