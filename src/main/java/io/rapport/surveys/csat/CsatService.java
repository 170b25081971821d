package io.rapport.surveys.csat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.surveys.CsatAnswerView;
import io.rapport.surveys.CsatAnswers;
import io.rapport.surveys.CsatOffer;
import io.rapport.surveys.CsatRated;
import io.rapport.surveys.CsatSurveys;
import io.rapport.tickets.TicketLookup;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answering a CSAT survey that {@link CsatSending} opened: by its link (the token is the credential) or signed in as
 * the requester, until it expires; and answers collected before (the demo, imports). Each rating, first or changed,
 * publishes {@link CsatRated} with the ticket's one answer id.
 */
@Service
class CsatService implements CsatSurveys, CsatAnswers {

	private final CsatStore store;

	private final CsatSettings settings;

	private final TicketLookup tickets;

	private final AccountsApi accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CsatService(CsatStore store, CsatSettings settings, TicketLookup tickets, AccountsApi accounts,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.tickets = tickets;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/** The survey a link names, whatever its state (the page says why one cannot be answered). */
	Optional<Survey> byToken(String token) {
		String hash = CsatTokens.hash(token);
		return hash == null ? Optional.empty() : store.surveyIdByTokenHash(hash).flatMap(store::survey);
	}

	/** Whether the survey can be answered now: open, not expired, and its ticket still solved for its requester. */
	boolean answerable(Survey survey) {
		if (!survey.openAt(clock.instant())) {
			return false;
		}
		return tickets.find(survey.ticketId())
			.filter(t -> TicketStatus.DONE.contains(t.status()))
			.filter(t -> t.requester() != null && t.requester().id() == survey.contactId())
			.isPresent();
	}

	/** Rates through a link: the token alone is the credential, bound to its survey's ticket and contact. */
	@Transactional
	public CsatAnswerView rateByLink(long surveyId, Integer rating, String comment, boolean keepComment) {
		Survey survey = store.lock(surveyId).filter(this::answerable)
			.orElseThrow(() -> NotFoundException.of("errors.surveys.not-found"));
		return record(survey, rating, comment, keepComment);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CsatOffer> offerFor(long ticketId, AuthenticatedUser customer) {
		return openSurvey(ticketId, customer).map(this::offer);
	}

	CsatOffer offer(Survey survey) {
		CsatSettings.Texts texts = settings.texts(survey.language());
		Optional<Answer> answer = store.answerOf(survey.ticketId()).filter(a -> a.surveyId() == survey.id());
		return new CsatOffer(survey.id(), survey.ticketId(), texts.question(), texts.commentPrompt(), texts.thanks(),
				answer.map(Answer::rating).orElse(null), answer.map(Answer::comment).orElse(null), survey.expiresAt());
	}

	@Override
	@Transactional
	public CsatAnswerView rate(long ticketId, Integer rating, String comment, AuthenticatedUser customer) {
		Survey open = openSurvey(ticketId, customer).orElseThrow(() -> NotFoundException.of("errors.surveys.not-found"));
		Survey survey = store.lock(open.id()).filter(this::answerable)
			.orElseThrow(() -> NotFoundException.of("errors.surveys.not-found"));
		return record(survey, rating, comment, comment == null);
	}

	private Optional<Survey> openSurvey(long ticketId, AuthenticatedUser customer) {
		if (customer == null || !customer.isContact()) {
			return Optional.empty();
		}
		return store.latestOpened(ticketId).filter(s -> s.contactId() == customer.id()).filter(this::answerable);
	}

	private CsatAnswerView record(Survey survey, Integer rating, String comment, boolean keepComment) {
		if (rating == null || rating < 1 || rating > 5) {
			throw InvalidInputException.of("rating", "errors.surveys.rating");
		}
		String accepted = keepComment ? null : CsatComments.accept(comment);
		Instant now = clock.instant();
		Optional<Answer> existing = store.answerOf(survey.ticketId());
		String stored = accepted;
		if (keepComment) {
			// A rating without a comment keeps the one already written for this survey (a later survey starts afresh).
			stored = existing.filter(a -> a.surveyId() == survey.id()).map(Answer::comment).orElse(null);
		}
		long answerId = write(survey, existing, rating, stored, now);
		return new CsatAnswerView(answerId, survey.ticketId(), rating, stored, now, survey.expiresAt());
	}

	/** The ticket's one answer, inserted or changed, the survey marked rated, and {@link CsatRated} published. */
	private long write(Survey survey, Optional<Answer> existing, int rating, String comment, Instant at) {
		long answerId;
		if (existing.isPresent()) {
			answerId = existing.get().id();
			store.updateAnswer(answerId, survey, rating, comment, at);
		}
		else {
			answerId = store.insertAnswer(survey, rating, comment, at);
		}
		store.rated(survey.id(), rating, at);
		events.publishEvent(store.answerOf(survey.ticketId()).orElseThrow().event());
		return answerId;
	}

	@Override
	@Transactional
	public boolean recordPast(long ticketId, Integer rating, String comment, Instant offeredAt, Instant ratedAt) {
		TicketView ticket = tickets.find(ticketId)
			.filter(t -> t.requester() != null && t.solvedAt() != null)
			.orElseThrow(() -> NotFoundException.of("errors.surveys.not-found"));
		Optional<Survey> scheduled = store.surveyFor(ticketId, ticket.solvedAt());
		long id;
		if (scheduled.isPresent()) {
			if (scheduled.get().state() != Survey.State.SCHEDULED) {
				return false;
			}
			id = scheduled.get().id();
			store.open(id, Survey.State.OFFERED, null, offeredAt, offeredAt.plus(CsatSending.VALID_FOR), null);
		}
		else {
			String language = CsatSettings.language(accounts.contact(ticket.requester().id()).map(ContactView::locale).orElse(null));
			Survey survey = new Survey(0, ticketId, ticket.requester().id(), ticket.solvedAt(), offeredAt,
					Survey.State.OFFERED, ticket.accountId(), ticket.assigneeId(), ticket.group(), ticket.channel(),
					language, offeredAt, offeredAt.plus(CsatSending.VALID_FOR), null, null, null);
			id = store.insertSurvey(survey, offeredAt);
			store.supersedeEarlier(ticketId, id);
		}
		if (rating != null) {
			if (rating < 1 || rating > 5) {
				throw InvalidInputException.of("rating", "errors.surveys.rating");
			}
			Survey stored = store.survey(id).orElseThrow();
			Instant at = ratedAt == null ? offeredAt : ratedAt;
			write(stored, store.answerOf(ticketId), rating, CsatComments.accept(comment), at);
		}
		return true;
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(Consumer<CsatRated> each) {
		List<CsatRated> all = new ArrayList<>();
		store.eachAnswer(answer -> all.add(answer.event()));
		all.forEach(each);
	}
}
