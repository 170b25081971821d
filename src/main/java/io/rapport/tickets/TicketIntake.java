package io.rapport.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one way in for channels (email, chat, phone, imports of live conversations): opens a ticket or appends to
 * one, as the customer or as an agent on the customer's behalf, without a signed-in user. A message whose
 * (source, external id) was received before is not stored again: the answer names what was stored the first time,
 * even when two deliveries of it arrive at the same moment. A customer writing to a solved ticket reopens it; a
 * closed ticket takes no messages (the channel opens a follow-up instead).
 *
 * <p>Channels also read here what they need to thread and to answer, without a signed-in user: who takes part
 * in a ticket, and its public conversation.
 */
public interface TicketIntake {

	Received receive(InboundMessage message);

	/** Who takes part in a ticket, by its id; empty when there is none. */
	Optional<Thread> thread(long ticketId);

	/** The same, by the number customers see ({@code [#1042]} in a subject). */
	Optional<Thread> threadByNumber(long number);

	/**
	 * The public messages of a ticket, oldest first, with their attachments' metadata: what a customer may read,
	 * so what a mail may quote. Internal notes never appear here.
	 */
	List<PublicMessage> publicConversation(long ticketId);

	/** An attachment's content, for a mail that carries it; empty when it is not on a public message. */
	Optional<Upload> publicAttachment(long attachmentId);

	/**
	 * What became of a message: a new ticket, a message on an existing one, or a redelivery of either; with the
	 * ticket as a channel sees it once the message is in (for a redelivery, as it is now), so that a channel
	 * answering it (the "we received your request" mail) need not read it again.
	 */
	record Received(Outcome outcome, long ticketId, long messageId, Thread thread) {
	}

	enum Outcome {
		CREATED, APPENDED, DUPLICATE
	}

	/**
	 * A ticket as a channel sees it.
	 *
	 * @param requesterLocale the requester's language (the contact's {@code locale}), or null when unknown
	 * @param ccs the addresses copied on the ticket, normalised to lower case
	 * @param assigneeId the agent the ticket is assigned to, or null
	 */
	record Thread(long ticketId, long number, String subject, TicketStatus status, String group, long requesterId,
			String requesterEmail, String requesterName, Locale requesterLocale, List<String> ccs, Long assigneeId) {

		/** Whether the address is the requester's or a CC's. */
		public boolean hasParticipant(String email) {
			if (email == null) {
				return false;
			}
			String normalized = email.strip().toLowerCase(Locale.ROOT);
			return normalized.equals(requesterEmail) || ccs.contains(normalized);
		}
	}

	/**
	 * A public message: {@code bodyHtml} as stored (sanitized), {@code bodyText} its plain-text rendering for the
	 * text part of a mail; the author's display name ({@code authorName}) and whether an agent wrote it.
	 */
	record PublicMessage(long id, AuthorKind authorType, Long authorId, String authorName, String bodyHtml,
			String bodyText, Instant createdAt, List<AttachmentView> attachments) {
	}
}
