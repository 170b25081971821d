package io.rapport.channels.email;

/** Implemented by the outbox: a DSN received for a mail Rapport sent marks that mail as bounced. */
public interface Bounces {

	/**
	 * Marks the outbound mail with this Message-ID (without angle brackets) as bounced, with the reason shown to
	 * agents. Answers false when no mail Rapport sent has that id.
	 */
	boolean recordBounce(String originalMessageId, String recipient, String reason);
}
