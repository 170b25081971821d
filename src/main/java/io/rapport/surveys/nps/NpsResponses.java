package io.rapport.surveys.nps;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.surveys.NpsAnswered;
import io.rapport.surveys.NpsAnswers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records answers: to an invitation (from a mailed link or the portal banner; the first click stores it, later
 * ones change it while the invitation is open) or imported by an admin. Each answer and each change publishes
 * {@link NpsAnswered} with the answer's id, in the transaction that stored it.
 */
@Component
class NpsResponses implements NpsAnswers {

	static final int MAX_COMMENT = 5000;

	private final Answers answers;

	private final Invitations invitations;

	private final AccountsApi accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NpsResponses(Answers answers, Invitations invitations, AccountsApi accounts, ApplicationEventPublisher events,
			Clock clock) {
		this.answers = answers;
		this.invitations = invitations;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores or changes the answer to an open invitation. A null {@code comment} keeps the comment there is (a
	 * one-click score); a blank one removes it.
	 */
	@Transactional
	Answers.Answer answer(Invitations.Invitation invitation, int score, String comment, Answers.Source source,
			Instant at) {
		checkScore(score);
		String text = comment == null ? null : clean(comment);
		if (!invitation.openAt(at)) {
			throw NotFoundException.of("errors.nps.closed");
		}
		Answers.Answer before = answers.ofInvitation(invitation.id()).orElse(null);
		long id;
		if (before == null) {
			ContactView contact = contact(invitation.contactId());
			id = answers.insert(invitation.id(), invitation.campaignId(), contact.id(), contact.accountId(), score,
					text, language(contact), source, null, at);
		}
		else {
			id = before.id();
			String kept = comment == null ? before.comment() : text;
			if (before.score() == score && java.util.Objects.equals(before.comment(), kept)) {
				return before;
			}
			answers.change(id, score, kept, at);
		}
		Answers.Answer now = answers.find(id).orElseThrow();
		events.publishEvent(event(now));
		return now;
	}

	@Transactional
	long importResponse(Long contactId, Integer score, String comment, Instant answeredAt, Long campaignId,
			boolean campaignKnown, long byAdminId) {
		if (contactId == null) {
			throw InvalidInputException.of("contactId", "errors.nps.required");
		}
		if (score == null) {
			throw InvalidInputException.of("score", "errors.nps.score");
		}
		checkScore(score);
		ContactView contact = accounts.contact(contactId)
			.orElseThrow(() -> InvalidInputException.of("contactId", "errors.contact.not-found", contactId));
		if (campaignId != null && !campaignKnown) {
			throw InvalidInputException.of("campaignId", "errors.nps.campaign", campaignId);
		}
		Instant at = answeredAt == null ? clock.instant() : answeredAt;
		if (at.isAfter(clock.instant())) {
			throw InvalidInputException.of("answeredAt", "errors.nps.future");
		}
		if (comment != null && comment.length() > MAX_COMMENT) {
			throw InvalidInputException.of("comment", "errors.nps.tooLong", MAX_COMMENT);
		}
		long id = answers.insert(null, campaignId, contact.id(), contact.accountId(), score, clean(comment),
				language(contact), Answers.Source.IMPORT, byAdminId, at);
		events.publishEvent(event(answers.find(id).orElseThrow()));
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(Consumer<NpsAnswered> each) {
		answers.forEach(answer -> each.accept(event(answer)));
	}

	static NpsAnswered event(Answers.Answer a) {
		return new NpsAnswered(a.id(), a.contactId(), a.accountId(), a.campaignId(), a.score(), a.commented(),
				a.answeredAt());
	}

	private ContactView contact(long id) {
		return accounts.contact(id).orElseThrow(() -> NotFoundException.of("errors.contact.not-found", id));
	}

	private static String language(ContactView contact) {
		Locale locale = contact.locale();
		return locale == null ? null : locale.getLanguage();
	}

	static void checkScore(int score) {
		if (score < 0 || score > 10) {
			throw InvalidInputException.of("score", "errors.nps.score");
		}
	}

	/** A comment as stored: plain text (pages escape it), trimmed, null when empty, at most 5,000 characters. */
	static String clean(String comment) {
		if (comment == null || comment.isBlank()) {
			return null;
		}
		String text = comment.strip();
		if (text.length() > MAX_COMMENT) {
			throw InvalidInputException.of("comment", "errors.nps.tooLong", MAX_COMMENT);
		}
		return text;
	}
}
