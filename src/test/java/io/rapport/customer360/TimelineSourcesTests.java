package io.rapport.customer360;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionChange;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.UsageRollup;
import io.rapport.shared.timeline.TimelineEntry;
import io.rapport.shared.timeline.TimelineSource;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Each module's timeline source: newest first, strictly before the cursor, at most the limit, in the reader's words. */
class TimelineSourcesTests extends IntegrationTest {

	static final Locale ZH = Locale.forLanguageTag("zh");

	@Autowired
	ActivityApi activity;

	@Autowired
	List<TimelineSource> sources;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Autowired
	AccountsApi accounts;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	JdbcTemplate jdbc;

	TimelineSource source(String simpleName) {
		return sources.stream().filter(s -> s.getClass().getSimpleName().startsWith(simpleName)).findFirst()
			.orElseThrow();
	}

	@Test
	void shouldListTicketsOpenedSolvedReopenedAndEscalatedNewestFirstWithACursor() {
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		Person agent = fixtures.anAgentIn("tier1", "tier2");
		TicketView first = fixtures.aTicketFrom(customer, "Invoices are missing");
		clock.advance(Duration.ofHours(1));
		TicketView second = fixtures.aTicketFrom(customer, "Export is slow");
		clock.advance(Duration.ofHours(1));
		TicketView solved = tickets.update(first.id(), new TicketUpdate(TicketStatus.SOLVED, null, null, null, null,
				null, first.version()), agent.user());
		clock.advance(Duration.ofHours(1));
		tickets.update(first.id(), new TicketUpdate(TicketStatus.OPEN, null, null, null, null, null, solved.version()),
				agent.user());
		clock.advance(Duration.ofHours(1));
		tickets.escalate(second.id(), "tier2", "Needs the logs", agent.user());
		clock.advance(Duration.ofHours(1));
		Instant now = clock.instant();
		fixtures.aTicketFrom(fixtures.aCustomer(), "Someone else's ticket");

		TimelineSource source = source("TicketTimeline");
		List<TimelineEntry> all = source.entries(account.id(), now, 25, Locale.ENGLISH);
		assertThat(all).extracting(TimelineEntry::kind).containsExactly("ticket.escalated", "ticket.reopened",
				"ticket.solved", "ticket.created", "ticket.created");
		assertThat(all.get(0).text()).startsWith("Ticket #" + second.number() + " escalated to Tier 2");
		assertThat(all.get(0).detail()).isEqualTo("Export is slow — Needs the logs");
		assertThat(all.get(0).actor()).isEqualTo(agent.user().name());
		assertThat(all.get(3).href()).isEqualTo("/tickets/" + second.id());
		assertThat(all.get(4).actor()).isEqualTo(customer.user().name());

		List<TimelineEntry> page = source.entries(account.id(), now, 2, Locale.ENGLISH);
		assertThat(page).extracting(TimelineEntry::kind).containsExactly("ticket.escalated", "ticket.reopened");
		assertThat(source.entries(account.id(), page.get(1).at(), 2, Locale.ENGLISH)).extracting(TimelineEntry::kind)
			.containsExactly("ticket.solved", "ticket.created");
		assertThat(source.entries(account.id(), all.get(3).at(), 25, ZH)).singleElement()
			.extracting(TimelineEntry::text).asString().startsWith("工单 #" + first.number());
	}

	@Test
	void shouldListStagesAndSubscriptionMovementsWithMoneyInTheReadersLanguage() {
		Person manager = fixtures.anAgentIn("success");
		AccountView account = fixtures.anAccount();
		clock.advance(Duration.ofHours(1));
		SubscriptionView s = subscriptions.create(new NewSubscription(account.id(), "Growth", 49_900L, "EUR", 10,
				clock.instant(), null, null), manager.id());
		clock.advance(Duration.ofDays(1));
		accounts.moveStage(account.id(), LifecycleStage.ADOPTION, "Kickoff done", manager.user());
		clock.advance(Duration.ofDays(1));
		subscriptions.change(s.id(), new SubscriptionChange(null, 99_900L, 20, clock.instant()), manager.id());
		clock.advance(Duration.ofDays(1));

		TimelineSource source = source("AccountTimeline");
		List<TimelineEntry> all = source.entries(account.id(), clock.instant(), 25, Locale.ENGLISH);
		assertThat(all).extracting(TimelineEntry::kind).containsExactly("subscription.expansion", "stage.changed",
				"subscription.new", "stage.changed");
		assertThat(all.get(0).text()).isEqualTo("Expansion of Growth: up €500.00 to €999.00 MRR, 20 seats");
		assertThat(all.get(1).text()).isEqualTo("Stage moved from Onboarding to Adoption");
		assertThat(all.get(1).detail()).isEqualTo("Kickoff done");
		assertThat(all.get(1).actor()).isEqualTo(manager.user().name());
		assertThat(all.get(3).text()).isEqualTo("Started in Onboarding");
		assertThat(source.entries(account.id(), all.get(1).at(), 1, Locale.forLanguageTag("ro")))
			.extracting(TimelineEntry::text).singleElement().asString().startsWith("Abonament nou: Growth");
	}

	@Test
	void shouldListCsatAndNpsAnswersOfTheAccountOnly() {
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		TicketView ticket = fixtures.aTicketFrom(customer, "Password reset loops");
		Instant rated = clock.instant().plusSeconds(60);
		long survey = jdbc.queryForObject("select nextval('csat_surveys_seq')", Long.class);
		jdbc.update("insert into csat_surveys (id, ticket_id, contact_id, solved_at, due_at, state, account_id, channel, "
				+ "language, created_at) values (?, ?, ?, ?, ?, 'SENT', ?, 'PORTAL', 'en', ?)", survey, ticket.id(),
				customer.id(), ts(rated), ts(rated), account.id(), ts(rated));
		jdbc.update("insert into csat_answers (id, ticket_id, survey_id, contact_id, account_id, channel, rating, comment, "
				+ "surveyed_at, first_rated_at, rated_at) values (nextval('csat_answers_seq'), ?, ?, ?, ?, 'PORTAL', 2, "
				+ "'Took three days', ?, ?, ?)", ticket.id(), survey, customer.id(), account.id(), ts(rated), ts(rated),
				ts(rated));
		jdbc.update("insert into nps_answers (id, contact_id, account_id, score, comment, source, answered_at, changed_at) "
				+ "values (nextval('nps_answers_seq'), ?, ?, 9, 'Great support', 'IMPORT', ?, ?)", customer.id(),
				account.id(), ts(rated.plusSeconds(60)), ts(rated.plusSeconds(60)));
		Instant later = rated.plusSeconds(3600);

		List<TimelineEntry> csat = source("CsatTimeline").entries(account.id(), later, 25, Locale.ENGLISH);
		assertThat(csat).singleElement().satisfies(e -> {
			assertThat(e.text()).isEqualTo("Unhappy with the help on ticket #" + ticket.number() + ": 2 of 5");
			assertThat(e.detail()).isEqualTo("Took three days");
			assertThat(e.href()).isEqualTo("/tickets/" + ticket.id());
			assertThat(e.actor()).isEqualTo(customer.user().name());
		});
		assertThat(source("CsatTimeline").entries(account.id(), rated, 25, Locale.ENGLISH)).isEmpty();
		assertThat(source("NpsTimeline").entries(account.id(), later, 25, Locale.forLanguageTag("eo")))
			.singleElement().satisfies(e -> {
				assertThat(e.kind()).isEqualTo("nps.answered");
				assertThat(e.text()).isEqualTo("NPS 9 el 10: rekomendanto");
			});
		assertThat(source("NpsTimeline").entries(fixtures.anAccount().id(), later, 25, Locale.ENGLISH)).isEmpty();
	}

	@Test
	void shouldHighlightTheFirstValueEventNewPeopleAndAFallInUsageFromRollups() {
		AccountView account = fixtures.anAccount();
		Person ana = fixtures.aCustomerOf(account.id());
		String valueEvent = "Report Exported " + account.id();
		jdbc.update("insert into activity_event_kinds (event, value_event, core_feature, first_seen_at) "
				+ "values (?, true, false, ?)", valueEvent, ts(clock.instant()));
		// periods are 30-day blocks from 1970-01-01: find the last whole one before today
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		long current = today.toEpochDay() / 30;
		LocalDate busy = LocalDate.ofEpochDay((current - 2) * 30);
		LocalDate quiet = LocalDate.ofEpochDay((current - 1) * 30);
		rollup(account.id(), busy, "Signed In", "c:" + ana.id(), 100);
		rollup(account.id(), busy.plusDays(3), valueEvent, "c:" + ana.id(), 1);
		rollup(account.id(), quiet.plusDays(1), "Signed In", "u:bob-42", 40);
		rollup(account.id(), quiet.plusDays(2), "Ticket Opened", "c:" + ana.id(), 500);

		List<TimelineEntry> all = source("UsageTimeline").entries(account.id(), clock.instant(), 25, Locale.ENGLISH);
		assertThat(all).extracting(TimelineEntry::text).containsExactly("Usage down 60% vs the previous 30 days",
				"New person active: bob-42", "First value event: " + valueEvent, "New person active: " + ana.user().name());
		assertThat(all.get(0).at()).isEqualTo(today.minusDays(today.toEpochDay() % 30).atStartOfDay(ZoneOffset.UTC)
			.toInstant());
		assertThat(all.get(0).detail()).isEqualTo("101 events in the 30 days before, 40 in these 30 days");
		assertThat(source("UsageTimeline").entries(account.id(), all.get(1).at(), 1, ZH))
			.extracting(TimelineEntry::text).containsExactly("首次价值事件：" + valueEvent);
	}

	/** A day of usage written as the app writes rollups (with the read models kept beside them). */
	void rollup(long accountId, LocalDate day, String event, String person, long count) {
		Long contactId = person.startsWith("c:") ? Long.valueOf(person.substring(2)) : null;
		String userId = person.startsWith("u:") ? person.substring(2) : null;
		activity.loadRollups(List.of(new UsageRollup(accountId, day, event, contactId, userId, count, 0)));
	}

	static Timestamp ts(Instant at) {
		return Timestamp.from(at);
	}
}
