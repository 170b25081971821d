package io.rapport.channels.email.inbound;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rapport.channels.email.MailTokens;
import io.rapport.channels.email.mime.ParsedMail;
import io.rapport.tickets.TicketIntake;
import io.rapport.tickets.TicketIntake.Thread;

import org.springframework.stereotype.Component;

/**
 * Finds the ticket a mail answers, in this order: (1) a Message-ID in In-Reply-To/References that Rapport signed,
 * or received for a ticket the sender takes part in; (2) a signed plus address of one of our mailboxes in
 * To/Cc/Delivered-To; (3) {@code [#123]} in the subject when the sender is the requester or a CC of ticket 123.
 * A signature is the only thing that lets a stranger in (it proves they were sent our mail); anything else that
 * names a ticket (our Message-ID shape, a plus address, a number) counts only from a participant, and is otherwise
 * remembered as a claim, so the new ticket says "claimed to be a reply to #123" instead of joining it.
 */
@Component
class MailThreading {

	private static final Pattern SUBJECT_NUMBER = Pattern.compile("\\[#(\\d{1,18})]");

	private static final Pattern CLAIMED_IN_ID = Pattern.compile("^<?t(\\d{1,18})\\.", Pattern.CASE_INSENSITIVE);

	private static final Pattern CLAIMED_IN_ADDRESS = Pattern.compile("\\+t(\\d{1,18})-", Pattern.CASE_INSENSITIVE);

	private final MailTokens tokens;

	private final TicketIntake intake;

	private final ReceivedMessageIds received;

	MailThreading(MailTokens tokens, TicketIntake intake, ReceivedMessageIds received) {
		this.tokens = tokens;
		this.intake = intake;
		this.received = received;
	}

	/**
	 * Where a mail goes: {@code thread} the ticket (null for a new one), {@code signed} whether a valid signature
	 * named it (what makes an agent's mail an agent's reply), {@code claimedNumber} the number of a ticket the mail
	 * claimed without the right to (null when none).
	 */
	record Target(Thread thread, boolean signed, Long claimedNumber) {
	}

	Target find(ParsedMail mail, String sender, OurAddresses ours) {
		Claims claims = new Claims();
		return byMessageIds(mail, sender, claims)
			.or(() -> byPlusAddress(mail, sender, ours, claims))
			.or(() -> bySubject(mail, sender, claims))
			.orElseGet(() -> new Target(null, false, claims.first));
	}

	private Optional<Target> byMessageIds(ParsedMail mail, String sender, Claims claims) {
		List<String> ids = new ArrayList<>(mail.inReplyTo());
		List<String> references = new ArrayList<>(mail.references());
		Collections.reverse(references);
		ids.addAll(references);
		for (String id : ids) {
			Optional<Thread> signed = tokens.ticketOfMessageId(id).flatMap(intake::thread);
			if (signed.isPresent()) {
				return Optional.of(new Target(signed.get(), true, null));
			}
			Optional<Thread> named = tokens.looksLikeOurs(id) ? claimed(CLAIMED_IN_ID, id).flatMap(intake::thread)
					: received.ticketOf(id).flatMap(intake::thread);
			Optional<Target> target = participant(named, sender, tokens.looksLikeOurs(id) ? claims : null);
			if (target.isPresent()) {
				return target;
			}
		}
		return Optional.empty();
	}

	private Optional<Target> byPlusAddress(ParsedMail mail, String sender, OurAddresses ours, Claims claims) {
		List<String> addresses = new ArrayList<>();
		mail.to().forEach(address -> addresses.add(address.email()));
		mail.cc().forEach(address -> addresses.add(address.email()));
		addresses.addAll(mail.deliveredTo());
		for (String address : addresses) {
			if (address == null || !ours.isPlusOfOurs(address)) {
				continue;
			}
			Optional<Thread> signed = tokens.ticketOfAddress(address).flatMap(intake::thread);
			if (signed.isPresent()) {
				return Optional.of(new Target(signed.get(), true, null));
			}
			Optional<Target> target = participant(claimed(CLAIMED_IN_ADDRESS, address).flatMap(intake::thread),
					sender, claims);
			if (target.isPresent()) {
				return target;
			}
		}
		return Optional.empty();
	}

	private Optional<Target> bySubject(ParsedMail mail, String sender, Claims claims) {
		Matcher m = SUBJECT_NUMBER.matcher(mail.subject() == null ? "" : mail.subject());
		if (!m.find()) {
			return Optional.empty();
		}
		return participant(intake.threadByNumber(Long.parseLong(m.group(1))), sender, claims);
	}

	/** The ticket when the sender takes part in it; otherwise a claim to remember (when {@code claims} is given). */
	private static Optional<Target> participant(Optional<Thread> named, String sender, Claims claims) {
		if (named.isEmpty()) {
			return Optional.empty();
		}
		if (named.get().hasParticipant(sender)) {
			return Optional.of(new Target(named.get(), false, null));
		}
		if (claims != null && claims.first == null) {
			claims.first = named.get().number();
		}
		return Optional.empty();
	}

	private static Optional<Long> claimed(Pattern pattern, String value) {
		Matcher m = pattern.matcher(value);
		return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
	}

	/** The first ticket a mail claimed without a signature or a participant's address. */
	private static final class Claims {

		private Long first;
	}
}
