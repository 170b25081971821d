package io.rapport.channels.email.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.rapport.channels.email.Mailbox;

/**
 * Rapport's own addresses: every mailbox's, and their plus variants ({@code support+t12-…@…}). Mail from one of
 * them is a loop; copies to them are not the ticket's CCs; only a plus address of one of them claims a ticket.
 */
final class OurAddresses {

	private final Set<String> addresses;

	OurAddresses(List<Mailbox> mailboxes) {
		this.addresses = mailboxes.stream()
			.map(mailbox -> normalize(mailbox.getAddress()))
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The address itself or a plus variant of it. */
	boolean isOurs(String email) {
		String address = normalize(email);
		return addresses.contains(address) || isPlusOfOurs(address);
	}

	/** {@code local+anything@domain} where {@code local@domain} is a mailbox's address. */
	boolean isPlusOfOurs(String email) {
		String address = normalize(email);
		int at = address.lastIndexOf('@');
		int plus = address.indexOf('+');
		return plus > 0 && at > plus && addresses.contains(address.substring(0, plus) + address.substring(at));
	}

	static String normalize(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}
}
