package io.rapport.channels.email.mime;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What Rapport reads out of one raw mail (the {@link MailParser}'s answer). Header values are decoded (RFC 2047
 * encoded words, RFC 2231 parameters) and cleaned of CR/LF; bodies are in Unicode whatever the charset they came
 * in. {@code html} is already passed through {@code SafeHtml}; {@code quotedHtml} is the quoted history and
 * signature cut from the end of a reply (null when there is none), kept to be shown on click.
 *
 * @param messageId the Message-ID without angle brackets, or null when the mail has none
 * @param inReplyTo Message-IDs in In-Reply-To, without angle brackets
 * @param references Message-IDs in References, oldest first, without angle brackets
 * @param from the author ({@code From}); null only when no address could be read
 * @param replyTo the first {@code Reply-To} address, or null
 * @param returnPath the {@code Return-Path} address; "" for the null sender {@code <>}; null when absent
 * @param deliveredTo the envelope recipients a provider recorded ({@code Delivered-To}, {@code X-Original-To})
 * @param text the new text of the message in plain text (from the text part, or rendered from the HTML part)
 * @param html the new text as safe HTML (from the HTML part, or the text part escaped), never null
 * @param quotedText the quoted history and signature as plain text, or null
 * @param attachments files and inline images, in the order found; TNEF ({@code winmail.dat}) kept as a file
 * @param kind what the mail is, for the pipeline's rules (RFC 3834 auto-replies, DSN bounces, lists, spam)
 * @param bounce the delivery-status details when {@code kind} is {@link Kind#BOUNCE}, else null
 * @param threadIndex Outlook's {@code Thread-Index} header as received, or null
 * @param language the mail's {@code Content-Language}, or a language guessed from its charset (GB18030 → zh), or null
 * @param remoteImages how many {@code <img>} in the HTML point to remote addresses (not loaded by default)
 * @param problems what could not be read (a part with an unknown transfer encoding, a truncated part), in English
 * for the admin's failed-mail list; empty when everything was read
 */
public record ParsedMail(String messageId, List<String> inReplyTo, List<String> references, String subject,
		Address from, Address replyTo, List<Address> to, List<Address> cc, String returnPath,
		List<String> deliveredTo, Instant date, String text, String html, String quotedText, String quotedHtml,
		List<Part> attachments, Kind kind, Bounce bounce, Headers headers, String threadIndex, Locale language,
		int remoteImages, List<String> problems) {

	public ParsedMail {
		inReplyTo = inReplyTo == null ? List.of() : List.copyOf(inReplyTo);
		references = references == null ? List.of() : List.copyOf(references);
		to = to == null ? List.of() : List.copyOf(to);
		cc = cc == null ? List.of() : List.copyOf(cc);
		deliveredTo = deliveredTo == null ? List.of() : List.copyOf(deliveredTo);
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		problems = problems == null ? List.of() : List.copyOf(problems);
	}

	/** An address with its display name (decoded), the address in lower case. */
	public record Address(String email, String name) {
	}

	/**
	 * A file or inline image. {@code contentId} is the Content-ID without angle brackets when the HTML refers to
	 * it as {@code cid:}, else null; {@code inline} when its disposition is inline.
	 */
	public record Part(String filename, String contentType, byte[] content, String contentId, boolean inline) {
	}

	public enum Kind {
		/** A person's mail. */
		NORMAL,
		/** An automatic answer (RFC 3834 {@code Auto-Submitted}, {@code X-Autoreply}, out-of-office): never answered. */
		AUTO_REPLY,
		/** Sent to a list or in bulk ({@code List-Id}, {@code Precedence: bulk|junk|list}): never answered. */
		BULK,
		/** A delivery status notification ({@code multipart/report; report-type=delivery-status}). */
		BOUNCE
	}

	/**
	 * What a DSN says about the mail it answers: the original's Message-ID (without angle brackets, from the
	 * returned headers), the recipient, the status code ({@code 5.1.1}) and the receiving server's words.
	 */
	public record Bounce(String originalMessageId, String recipient, String status, String diagnostic) {
	}

	/** The headers the pipeline's rules read, decoded; null when absent. */
	public record Headers(String autoSubmitted, String precedence, String listId, String xAutoreply,
			String xSpamFlag, String contentLanguage, int headerCount) {
	}

	/** Whether a reply must never be sent to this mail (RFC 3834, lists, bounces, a null return path). */
	public boolean mustNotAnswer() {
		return kind != Kind.NORMAL || "".equals(returnPath)
				|| (from != null && from.email() != null && from.email().matches("(?i)(mailer-daemon|postmaster)@.*"));
	}

	/** Whether the mail says it is spam ({@code X-Spam-Flag: YES}). */
	public boolean flaggedAsSpam() {
		return headers != null && headers.xSpamFlag() != null && headers.xSpamFlag().strip().equalsIgnoreCase("yes");
	}
}
