package io.rapport.surveys.csat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.channels.EmailApi;
import io.rapport.shared.web.PublicLinks;
import io.rapport.tickets.TicketLookup;
import io.rapport.tickets.TicketSolved;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first half of a CSAT survey's life: scheduled when a ticket is solved (superseding the survey of an earlier
 * solve), cancelled when it is reopened first, and opened when due: mailed with one link per rating when a mailbox
 * can send, always offered in the portal. {@link CsatService} takes it from there.
 */
@Component
class CsatSending {

	static final Duration VALID_FOR = Duration.ofDays(30);

	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(CsatSending.class);

	private final CsatStore store;

	private final CsatSettings settings;

	private final TicketLookup tickets;

	private final AccountsApi accounts;

	private final EmailApi email;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final PublicLinks links;

	CsatSending(CsatStore store, CsatSettings settings, TicketLookup tickets, AccountsApi accounts, EmailApi email,
			MessageSource messages, Clock clock, PlatformTransactionManager tm, PublicLinks links) {
		this.store = store;
		this.settings = settings;
		this.tickets = tickets;
		this.accounts = accounts;
		this.email = email;
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
}
