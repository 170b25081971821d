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
 * @param uploads files on the message, stored with it; an upload with a {@code contentId} is an inline image the
 * body refers to as {@code cid:<contentId>}
 * @param group the group a new ticket lands in (a mailbox's group), or null for the default ({@code tier1})
 * @param ccs addresses copied on the message: added to the ticket's CCs (never the requester, never twice)
 * @param autoReply an automatic answer (out of office, RFC 3834): appended as such, it neither reopens a solved
 * ticket nor counts as the customer's reply; a new ticket from one is opened all the same
 * @param internalNote a note for agents stored after the message on a new ticket ("claimed to be a reply to
 * #123"), or null
 * @param quotedHtml the quoted history and signature cut from the body, kept to be shown on click, or null
 * @param locale the customer's language as the channel guessed it (a mail's Content-Language), set on a contact
 * who has none yet, or null
 */
public record InboundMessage(String source, String externalId, Channel channel, Long ticketId, String fromEmail,
		String fromName, Long agentId, String subject, String body, BodyFormat format, List<Upload> uploads,
		String group, List<String> ccs, boolean autoReply, String internalNote, String quotedHtml,
		java.util.Locale locale) {

	public InboundMessage {
		uploads = uploads == null ? List.of() : List.copyOf(uploads);
		ccs = ccs == null ? List.of() : List.copyOf(ccs);
	}

	/** A message without the email-only details (group, CCs, auto-reply, note, quoted part, language). */
	public InboundMessage(String source, String externalId, Channel channel, Long ticketId, String fromEmail,
			String fromName, Long agentId, String subject, String body, BodyFormat format, List<Upload> uploads) {
		this(source, externalId, channel, ticketId, fromEmail, fromName, agentId, subject, body, format, uploads, null,
				List.of(), false, null, null, null);
	}
}
