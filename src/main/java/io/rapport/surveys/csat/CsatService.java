package io.rapport.surveys.csat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.rapport.accounts.AccountsApi;
import io.rapport.shared.web.PublicLinks;
import io.rapport.accounts.ContactView;
import io.rapport.channels.EmailApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.surveys.CsatAnswerView;
import io.rapport.surveys.CsatAnswers;
import io.rapport.surveys.CsatOffer;
import io.rapport.surveys.CsatRated;
import io.rapport.surveys.CsatSurveys;
import io.rapport.tickets.TicketLookup;
import io.rapport.tickets.TicketSolved;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a CSAT survey: scheduled when a ticket is solved, opened when due (mailed when a mailbox can send,
 * always in the portal), answered by its requester until it expires, and superseded when the ticket is solved
 * again. Each rating, first or changed, publishes {@link CsatRated} with the ticket's one answer id.
 */
@Service
class CsatService implements CsatSurveys, CsatAnswers {

	static final Duration VALID_FOR = Duration.ofDays(30);

	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(CsatService.class);

	private final CsatStore store;

	private final CsatSettings settings;

	private final TicketLookup tickets;

	private final AccountsApi accounts;

	private final EmailApi email;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final PublicLinks links;

	CsatService(CsatStore store, CsatSettings settings, TicketLookup tickets, AccountsApi accounts, EmailApi email,
			ApplicationEventPublisher events, MessageSource messages, Clock clock, PlatformTransactionManager tm,
			PublicLinks links) {
		this.store = store;
		this.settings = settings;
		this.tickets = tickets;
		this.accounts = accounts;
		this.email = email;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.transactions = new TransactionTemplate(tm);
		this.links = links;
	}

	/** A solve asks once: a redelivered event finds the survey of that solve and adds none. */
	@Transactional
	public Optional<Long> schedule(TicketSolved solved) {
		if (store.surveyExists(solved.ticketId(), solved.at())) {
			return Optional.empty();
		}
		Optional<TicketView> found = tickets.find(solved.ticketId());
		if (found.isEmpty() || found.get().requester() == null) {
			return Optional.empty();
		}
		TicketView ticket = found.get();
		long contactId = ticket.requester().id();
		String language = CsatSettings.language(accounts.contact(contactId).map(ContactView::locale).orElse(null));
		Long agentId = solved.assigneeId() != null ? solved.assigneeId() : ticket.assigneeId();
		Survey survey = new Survey(0, ticket.id(), contactId, solved.at(), solved.at().plus(settings.delay()),
				Survey.State.SCHEDULED, ticket.accountId(), agentId, ticket.group(), ticket.channel(), language, null,
				null, null, null, null);
		long id = store.insertSurvey(survey, clock.instant());
		store.supersedeEarlier(ticket.id(), id);
		return Optional.of(id);
	}

	/** A reopened ticket is not asked about the solve it no longer has; its next solve asks again. */
	@Transactional
	public void reopened(long ticketId, Instant at) {
		store.cancelScheduled(ticketId, at);
	}

	/**
	 * Opens every survey that is due, each in its own transaction (a failing one does not hold the others back).
	 * Answers how many were handled.
	 */
	public int sendDue() {
		int handled = 0;
		List<Long> due;
		int failed;
		do {
			due = store.dueIds(clock.instant(), BATCH);
			failed = 0;
			for (Long id : due) {
				try {
					transactions.executeWithoutResult(status -> open(id));
					handled++;
				}
				catch (RuntimeException e) {
					failed++;
					log.warn("CSAT survey {} could not be opened; the next run tries again", id, e);
				}
			}
		}
		while (due.size() == BATCH && failed == 0);
		return handled;
	}

	/** An address mail can be sent to: one plain, valid address (as the outbox requires). */
	static boolean mailable(String address) {
		if (address == null || address.isBlank() || address.length() > 254) {
			return false;
		}
		try {
			jakarta.mail.internet.InternetAddress parsed = new jakarta.mail.internet.InternetAddress(address.strip(), true);
			parsed.validate();
			return parsed.getPersonal() == null && parsed.getAddress().indexOf('@') > 0;
		}
		catch (jakarta.mail.internet.AddressException e) {
			return false;
		}
	}

	private void open(long id) {
		Survey survey = store.lock(id).orElse(null);
		if (survey == null || survey.state() != Survey.State.SCHEDULED) {
			return;
		}
		Optional<TicketView> found = tickets.find(survey.ticketId());
		if (found.isEmpty() || found.get().status() == TicketStatus.CLOSED) {
			store.end(id, Survey.State.SKIPPED_CLOSED);
			return;
		}
		TicketView ticket = found.get();
		if (ticket.status() != TicketStatus.SOLVED) {
			store.end(id, Survey.State.CANCELLED_REOPENED);
			return;
		}
		String address = ticket.requester() == null ? null : ticket.requester().email();
		if (!mailable(address) || ticket.requester().id() != survey.contactId()) {
			store.end(id, Survey.State.SKIPPED_NO_EMAIL);
			return;
		}
		Instant now = clock.instant();
		String token = CsatTokens.newToken();
		Long outboxId = null;
		if (email.canSend()) {
			outboxId = email.sendTemplate(address, ticket.requester().name(), "survey.csat",
					Locale.forLanguageTag(survey.language()), mailValues(ticket, survey, token));
		}
		store.open(id, outboxId == null ? Survey.State.OFFERED : Survey.State.SENT, CsatTokens.hash(token), now,
				now.plus(VALID_FOR), outboxId);
	}

	private Map<String, String> mailValues(TicketView ticket, Survey survey, String token) {
		Locale locale = Locale.forLanguageTag(survey.language());
		StringBuilder ratings = new StringBuilder();
		for (int rating = 5; rating >= 1; rating--) {
			ratings.append(messages.getMessage("surveys.csat.mailRating",
					new Object[] { rating, messages.getMessage("surveys.csat.rating." + rating, null, locale),
							link(token, rating) }, locale));
			if (rating > 1) {
				ratings.append('\n');
			}
		}
		return Map.of("ticketNumber", String.valueOf(ticket.number()), "subject", ticket.subject(), "question",
				settings.texts(survey.language()).question(), "ratings", ratings.toString(), "link",
				links.to("/survey/" + token));
	}

	String link(String token, int rating) {
		return links.to("/survey/" + token + "?rating=" + rating);
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
		long answerId;
		String stored;
		if (existing.isPresent()) {
			answerId = existing.get().id();
			boolean sameSurvey = existing.get().surveyId() == survey.id();
			stored = keepComment ? (sameSurvey ? existing.get().comment() : null) : accepted;
			store.updateAnswer(answerId, survey, rating, stored, now);
		}
		else {
			stored = keepComment ? null : accepted;
			answerId = store.insertAnswer(survey, rating, stored, now);
		}
		store.rated(survey.id(), rating, now);
		Answer answer = store.answerOf(survey.ticketId()).orElseThrow();
		events.publishEvent(answer.event());
		return new CsatAnswerView(answerId, survey.ticketId(), rating, stored, now, survey.expiresAt());
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
			store.open(id, Survey.State.OFFERED, null, offeredAt, offeredAt.plus(VALID_FOR), null);
		}
		else {
			String language = CsatSettings.language(accounts.contact(ticket.requester().id()).map(ContactView::locale).orElse(null));
			Survey survey = new Survey(0, ticketId, ticket.requester().id(), ticket.solvedAt(), offeredAt,
					Survey.State.OFFERED, ticket.accountId(), ticket.assigneeId(), ticket.group(), ticket.channel(),
					language, offeredAt, offeredAt.plus(VALID_FOR), null, null, null);
			id = store.insertSurvey(survey, offeredAt);
			store.supersedeEarlier(ticketId, id);
		}
		if (rating != null) {
			if (rating < 1 || rating > 5) {
				throw InvalidInputException.of("rating", "errors.surveys.rating");
			}
			Survey stored = store.survey(id).orElseThrow();
			Instant at = ratedAt == null ? offeredAt : ratedAt;
			String text = CsatComments.accept(comment);
			Optional<Answer> existing = store.answerOf(ticketId);
			if (existing.isPresent()) {
				store.updateAnswer(existing.get().id(), stored, rating, text, at);
			}
			else {
				store.insertAnswer(stored, rating, text, at);
			}
			store.rated(id, rating, at);
			events.publishEvent(store.answerOf(ticketId).orElseThrow().event());
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
