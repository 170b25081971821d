package io.rapport.channels.email;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.rapport.shared.secrets.Signatures;

/**
 * The signed parts of the mail Rapport sends, which a reply carries back: the Message-ID
 * ({@code <t123.m456.9f8e7d5c4b3a@host>}) and the plus address in Reply-To ({@code support+t123-9f8e7d5c4b3a@domain}).
 * Both name the ticket and carry an HMAC of it under the installation's key, so a forged "reply" that names a
 * ticket it was never sent is recognised (FreeScout's CVE-2026-47123 came from not checking it).
 */
@Component
public class MailTokens {

	static final String PURPOSE = "mail-thread";

	static final int MAC_CHARS = 12;

	private static final Pattern MESSAGE_ID = Pattern.compile("<?t(\\d{1,18})\\.m(\\d{1,18})\\.([0-9a-f]{8,64})@[^>\\s]+>?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PLUS_ADDRESS = Pattern.compile("[^+@\\s]+\\+t(\\d{1,18})-([0-9a-f]{8,64})@[^@\\s]+",
			Pattern.CASE_INSENSITIVE);

	private final Signatures signatures;

	public MailTokens(Signatures signatures) {
		this.signatures = signatures;
	}

	/** The Message-ID of an outgoing mail for a ticket's message, in angle brackets, at the given host. */
	public String messageId(long ticketId, long messageId, String host) {
		return "<t" + ticketId + ".m" + messageId + "." + mac("t" + ticketId + ".m" + messageId) + "@" + host + ">";
	}

	/** The Reply-To plus address of a mailbox for a ticket: {@code local+t123-mac@domain}. */
	public String replyAddress(long ticketId, String mailboxAddress) {
		int at = mailboxAddress.lastIndexOf('@');
		return mailboxAddress.substring(0, at) + "+t" + ticketId + "-" + mac("t" + ticketId)
				+ mailboxAddress.substring(at);
	}

	/** The ticket a Message-ID was signed for, when it is one of Rapport's and its signature holds. */
	public Optional<Long> ticketOfMessageId(String messageId) {
		if (messageId == null) {
			return Optional.empty();
		}
		Matcher m = MESSAGE_ID.matcher(messageId.strip());
		if (!m.matches()) {
			return Optional.empty();
		}
		String payload = "t" + Long.parseLong(m.group(1)) + ".m" + Long.parseLong(m.group(2));
		return signatures.verifyMac(PURPOSE, payload, m.group(3)) ? Optional.of(Long.parseLong(m.group(1)))
				: Optional.empty();
	}

	/** Whether a Message-ID has Rapport's shape (signed or forged): such a claim is checked, never trusted. */
	public boolean looksLikeOurs(String messageId) {
		return messageId != null && MESSAGE_ID.matcher(messageId.strip()).matches();
	}

	/** The ticket a plus address was signed for, when its signature holds. */
	public Optional<Long> ticketOfAddress(String address) {
		if (address == null) {
			return Optional.empty();
		}
		Matcher m = PLUS_ADDRESS.matcher(address.strip());
		if (!m.matches()) {
			return Optional.empty();
		}
		long ticket = Long.parseLong(m.group(1));
		return signatures.verifyMac(PURPOSE, "t" + ticket, m.group(2)) ? Optional.of(ticket) : Optional.empty();
	}

	/** Whether an address has the plus-address shape (signed or forged). */
	public boolean looksLikeReplyAddress(String address) {
		return address != null && PLUS_ADDRESS.matcher(address.strip()).matches();
	}

	private String mac(String payload) {
		return signatures.mac(PURPOSE, payload, MAC_CHARS);
	}
}
