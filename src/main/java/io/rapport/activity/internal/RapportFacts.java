package io.rapport.activity.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactFactRecorded;
import io.rapport.accounts.ContactView;
import io.rapport.identity.ContactSignedIn;
import io.rapport.knowledge.ArticleViewed;
import io.rapport.knowledge.KnowledgeSearched;
import io.rapport.surveys.CsatRated;
import io.rapport.surveys.NpsAnswered;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketReopened;
import io.rapport.tickets.TicketSolved;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rapport's own facts join the usage stream without any client (docs/events.md): each event becomes one usage
 * event with a messageId derived from what it records, so an event delivered again after a restart counts once.
 */
@Component
class RapportFacts {

	static final String PASSWORD_RESET = "PASSWORD_RESET_REQUESTED";

	private final Ingest ingest;

	private final AccountsApi accounts;

	private final JsonMapper json;

	RapportFacts(Ingest ingest, AccountsApi accounts, JsonMapper json) {
		this.ingest = ingest;
		this.accounts = accounts;
		this.json = json;
	}

	@ApplicationModuleListener
	void on(ContactSignedIn event) {
		contactFact("rapport:signed-in:" + event.contactId() + ":" + event.at().toEpochMilli(), "Signed In",
				event.contactId(), event.at(), null);
	}

	@ApplicationModuleListener
	void on(ContactFactRecorded event) {
		if (PASSWORD_RESET.equals(event.kind())) {
			contactFact("rapport:password-reset:" + event.contactId() + ":" + event.at().toEpochMilli(),
					"Password Reset Requested", event.contactId(), event.at(), null);
		}
	}

	@ApplicationModuleListener
	void on(ArticleViewed event) {
		fact("rapport:article-viewed:" + event.contactId() + ":" + event.articleId() + ":" + event.at().toEpochMilli(),
				"Help Article Viewed", event.contactId(), event.accountId(), event.at(),
				Map.of("articleId", event.articleId(), "locale", String.valueOf(event.locale())));
	}

	@ApplicationModuleListener
	void on(KnowledgeSearched event) {
		fact("rapport:kb-searched:" + event.contactId() + ":" + event.at().toEpochMilli(), "Help Center Searched",
				event.contactId(), event.accountId(), event.at(),
				Map.of("resultCount", event.resultCount(), "locale", String.valueOf(event.locale())));
	}

	@ApplicationModuleListener
	void on(TicketCreated event) {
		fact("rapport:ticket-opened:" + event.ticketId(), "Ticket Opened", event.requesterId(), event.accountId(),
				event.at(), Map.of("ticketId", event.ticketId(), "channel", String.valueOf(event.channel())));
	}

	@ApplicationModuleListener
	void on(TicketReopened event) {
		fact("rapport:ticket-reopened:" + event.ticketId() + ":" + event.at().toEpochMilli(), "Ticket Reopened", null,
				event.accountId(), event.at(), Map.of("ticketId", event.ticketId()));
	}

	@ApplicationModuleListener
	void on(TicketSolved event) {
		fact("rapport:ticket-solved:" + event.ticketId() + ":" + event.at().toEpochMilli(), "Ticket Solved", null,
				event.accountId(), event.at(), Map.of("ticketId", event.ticketId()));
	}

	@ApplicationModuleListener
	void on(CsatRated event) {
		fact("rapport:csat:" + event.answerId() + ":" + event.at().toEpochMilli(), "CSAT Answered", event.contactId(),
				event.accountId(), event.at(), Map.of("ticketId", event.ticketId(), "rating", event.rating()));
	}

	@ApplicationModuleListener
	void on(NpsAnswered event) {
		fact("rapport:nps:" + event.answerId() + ":" + event.at().toEpochMilli(), "NPS Answered", event.contactId(),
				event.accountId(), event.at(), Map.of("score", event.score()));
	}

	private void contactFact(String messageId, String name, long contactId, Instant at, Map<String, Object> props) {
		Long accountId = accounts.contact(contactId).map(ContactView::accountId).orElse(null);
		fact(messageId, name, contactId, accountId, at, props);
	}

	private void fact(String messageId, String name, Long contactId, Long accountId, Instant at,
			Map<String, Object> properties) {
		String payload = properties == null ? null : json.writeValueAsString(new LinkedHashMap<>(properties));
		ingest.facts(List.of(new Ingest.Fact(messageId, name, contactId, accountId, at, payload)));
	}
}
