package io.rapport.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.analytics.AnalyticsApi;
import io.rapport.surveys.CsatRated;
import io.rapport.surveys.NpsAnswered;
import io.rapport.tickets.Channel;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketFacts;
import io.rapport.tickets.TicketFacts.Fact;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import io.rapport.workflows.BusinessCalendar;
import io.rapport.workflows.BusinessCalendars;
import io.rapport.workflows.SlaTargetEnded;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every figure from known inputs, with a moved clock. Each test works in an account of its own, so the figures
 * are its own whatever other tests wrote into the shared database. Events are published in a transaction and
 * reach the read models through the real listeners (after commit, asynchronously): tests wait for them.
 */
class AnalyticsReportsTests extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

	private static final LocalDate DAY = LocalDate.parse("2026-03-02");

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Autowired
	TicketFacts facts;

	@Autowired
	Reports reports;

	@Autowired
	io.rapport.tickets.TicketIntake intake;

	@Autowired
	AnalyticsApi analytics;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldReportMeanMedianAndP90OfTheCalendarSpeedOfAnswer() {
		// Given five tickets created at 09:00 and answered 1, 2, 3, 4 and 10 minutes later
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		Person agent = fixtures.anAgentIn("tier1");
		List<TicketView> created = List.of(ticket(customer), ticket(customer), ticket(customer), ticket(customer),
				ticket(customer));
		long[] answeredAfter = { 60, 120, 180, 240, 600 };
		for (int i = 0; i < created.size(); i++) {
			clock.set(START.plusSeconds(answeredAfter[i]));
			reply(created.get(i), agent);
		}
		ReportQuery q = new ReportQuery(DAY, DAY, null, null, null, account.id(), null);

		// Then the mean is 240 s, the median 180 s and the 90th percentile interpolated: 240 + 0.6 * 360 = 456 s
		Map<String, Object> total = awaitReport(() -> reports.asa(q), 5).total();
		assertThat(total).containsEntry("count", 5L).containsEntry("value", 240.0).containsEntry("median", 180.0)
			.containsEntry("p90", 456.0);
		assertThat(reports.asa(q.groupedBy(ReportQuery.GroupBy.AGENT)).rows()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("key", agent.id()).containsEntry("count", 5L)
				.containsEntry("label", agent.user().name()));
	}

	@Test
	void shouldCountTicketsNobodyAnsweredAsWaitingFromTheirStartUntilNow() {
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		Person agent = fixtures.anAgentIn("tier1");
		ticket(customer);
		clock.set(START.plus(Duration.ofHours(1)));
		ticket(customer);
		TicketView answered = ticket(customer);
		reply(answered, agent);
		clock.set(START.plus(Duration.ofHours(3)));
		ReportQuery q = new ReportQuery(DAY, DAY, null, null, null, account.id(), null);

		await().atMost(PATIENCE).until(() -> rows(account.id()) == 3 && answeredRows(account.id()) == 1);
		Map<String, Object> total = reports.asa(q).total();

		// waited 3 h and 2 h: 2.5 h on average, 3 h at most; the answered ticket is not waiting
		assertThat(total).containsEntry("waitingCount", 2L).containsEntry("waitingValue", 9000.0)
			.containsEntry("waitingMax", 10_800L).containsEntry("count", 1L);
		clock.advance(Duration.ofHours(1));
		assertThat(reports.asa(q).total()).containsEntry("waitingValue", 12_600.0);
	}

	@Test
	void shouldKeepTheFirstAnswerWhenTheCreationsListenerWritesAfterTheAnswersListener() {
		// Given a ticket answered a moment after its creation, the answer's listener writing its row first
		TicketRows rows = roundTheClockRows();
		Fact answered = fact(IDS.incrementAndGet(), START, START.plusSeconds(60));
		rows.put(answered);

		// When the creation's listener, which read the ticket before the answer, writes last
		rows.putNew(sameTicket(answered, null, null, null, TicketStatus.NEW, 0));

		// Then the answer is still counted
		assertThat(jdbc.queryForObject("select asa_seconds from analytics_tickets where ticket_id = ?", Long.class,
				answered.ticketId())).isEqualTo(60L);
	}

	@Test
	void shouldKeepTheLaterFactsWhenAnEarlierEventsListenerWritesLast() {
		// Given a ticket's row written from its facts at version 3: answered after 60 s, then solved
		TicketRows rows = roundTheClockRows();
		Fact answered = fact(IDS.incrementAndGet(), START, START.plusSeconds(60));
		rows.put(sameTicket(answered, null, START.plusSeconds(60), START.plusSeconds(600), TicketStatus.SOLVED, 3));

		// When the listener of the assignment (version 2, read before the answer) writes last
		rows.put(sameTicket(answered, 7L, null, null, TicketStatus.OPEN, 2));

		// Then the row keeps the answer and the solve, and later facts still replace it
		Map<String, Object> row = jdbc.queryForMap("select asa_seconds, status, ticket_version from analytics_tickets"
				+ " where ticket_id = ?", answered.ticketId());
		assertThat(Arrays.asList(row.get("asa_seconds"), row.get("status"), row.get("ticket_version")))
			.containsExactly(60L, "SOLVED", 3L);
		rows.put(sameTicket(answered, 7L, START.plusSeconds(60), null, TicketStatus.OPEN, 4));
		assertThat(jdbc.queryForObject("select status from analytics_tickets where ticket_id = ?", String.class,
				answered.ticketId())).isEqualTo("OPEN");
	}

	@Test
	void shouldCountBusinessHoursAcrossAWeekendAndAHolidayWithTheCalendarItIsGiven() {
		// Given Monday to Friday 09:00-17:00 in Bucharest, with Monday 9 March 2026 a holiday
		ZoneId bucharest = ZoneId.of("Europe/Bucharest");
		BusinessCalendar calendar = BusinessCalendar.weekdays(7, "Bucharest", bucharest, LocalTime.of(9, 0),
				LocalTime.of(17, 0), Set.of(LocalDate.parse("2026-03-09")));
		TicketRows rows = new TicketRows(jdbc, calendars(calendar));
		long account = IDS.incrementAndGet();
		Instant friday1600 = LocalDate.parse("2026-03-06").atTime(16, 0).atZone(bucharest).toInstant();
		Instant tuesday1000 = LocalDate.parse("2026-03-10").atTime(10, 0).atZone(bucharest).toInstant();
		Instant saturday1200 = LocalDate.parse("2026-03-07").atTime(12, 0).atZone(bucharest).toInstant();
		Instant monday1500 = LocalDate.parse("2026-03-09").atTime(15, 0).atZone(bucharest).toInstant();

		// When one ticket opened on Friday at 16:00 is answered on Tuesday at 10:00, and one opened on Saturday is
		// answered on the holiday
		rows.put(fact(account, friday1600, tuesday1000));
		rows.put(fact(account, saturday1200, monday1500));
		ReportQuery q = new ReportQuery(LocalDate.parse("2026-03-06"), LocalDate.parse("2026-03-07"),
				ReportQuery.GroupBy.DAY, null, null, account, null);
		Report report = reports.asa(q);

		// Then the first waited 1 h on Friday and 1 h on Tuesday of business time (3 d 18 h of calendar time); the
		// second no business time at all
		assertThat(report.rows()).extracting(row -> row.get("key"), row -> row.get("value"),
				row -> row.get("businessValue"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("2026-03-06", 324_000.0, 7_200.0),
					org.assertj.core.groups.Tuple.tuple("2026-03-07", 183_600.0, 0.0));
		assertThat(report.total()).containsEntry("businessValue", 3_600.0).containsEntry("count", 2L);
	}

	@Test
	void shouldRateCsatAsTheShareOfFoursAndFivesKeepingTheLatestRatingOfEachAnswer() {
		long account = IDS.incrementAndGet();
		long changed = IDS.incrementAndGet();
		publish(csat(IDS.incrementAndGet(), account, 5, START), csat(IDS.incrementAndGet(), account, 4, START),
				csat(IDS.incrementAndGet(), account, 3, START), csat(changed, account, 1, START));
		ReportQuery q = new ReportQuery(DAY, DAY, null, null, null, account, null);
		assertThat(awaitReport(() -> reports.csat(q), 4).total()).containsEntry("value", 50.0)
			.containsEntry("satisfied", 2L);

		// The customer changes 1 to 5; then the old statement is delivered again, late
		publish(csat(changed, account, 5, START.plusSeconds(60)));
		await().atMost(PATIENCE).until(() -> Double.valueOf(75.0).equals(reports.csat(q).total().get("value")));
		listeners().on(csat(changed, account, 1, START));

		assertThat(reports.csat(q).total()).containsEntry("value", 75.0).containsEntry("count", 4L);
	}

	@Test
	void shouldScoreNpsAsPromotersMinusDetractorsAtTheBoundaries() {
		long account = IDS.incrementAndGet();
		for (int score : new int[] { 6, 7, 8, 9, 10 }) {
			publish(nps(account, score));
		}
		ReportQuery q = new ReportQuery(DAY, DAY, null, null, null, account, null);

		// 9 and 10 promote, 7 and 8 are passive, 6 detracts: (2 - 1) / 5 = +20
		assertThat(awaitReport(() -> reports.nps(q), 5).total()).containsEntry("value", 20.0)
			.containsEntry("promoters", 2L).containsEntry("passives", 2L).containsEntry("detractors", 1L);
	}

	@Test
	void shouldScoreAnAllPassiveSampleAsZero() {
		long account = IDS.incrementAndGet();
		publish(nps(account, 7), nps(account, 8), nps(account, 8));
		ReportQuery q = new ReportQuery(DAY, DAY, null, null, null, account, null);

		assertThat(awaitReport(() -> reports.nps(q), 3).total()).containsEntry("value", 0.0)
			.containsEntry("passives", 3L);
	}

	@Test
	void shouldReportSlaComplianceAsMetOverEndedPerTarget() {
		long account = IDS.incrementAndGet();
		publish(sla(account, "FIRST_REPLY", false), sla(account, "FIRST_REPLY", false),
				sla(account, "FIRST_REPLY", true), sla(account, "RESOLUTION", false));
		ReportQuery q = new ReportQuery(DAY, DAY, ReportQuery.GroupBy.TARGET, null, null, account, null);

		Report report = awaitReport(() -> reports.sla(q), 4);
		assertThat(report.total()).containsEntry("value", 75.0).containsEntry("met", 3L).containsEntry("breached", 1L);
		assertThat(report.rows()).extracting(row -> row.get("key"), row -> row.get("value"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("FIRST_REPLY", 66.7),
					org.assertj.core.groups.Tuple.tuple("RESOLUTION", 100.0));
	}

	@Test
	void shouldCountCreatedAndSolvedPerDay() {
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		Person agent = fixtures.anAgentIn("tier1");
		TicketView first = ticket(customer);
		ticket(customer);
		clock.set(START.plus(Duration.ofDays(1)));
		tickets.update(first.id(), new io.rapport.tickets.TicketUpdate(TicketStatus.SOLVED, null, null, null, null,
				null, first.version()), agent.user());
		ReportQuery q = new ReportQuery(DAY, DAY.plusDays(1), ReportQuery.GroupBy.DAY, null, null, account.id(), null);

		await().atMost(PATIENCE).until(() -> Long.valueOf(1).equals(reports.volume(q).total().get("solved")));
		Report report = reports.volume(q);
		assertThat(report.total()).containsEntry("value", 2L).containsEntry("solved", 1L);
		assertThat(report.rows()).extracting(row -> row.get("key"), row -> row.get("value"), row -> row.get("solved"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("2026-03-02", 2L, 0L),
					org.assertj.core.groups.Tuple.tuple("2026-03-03", 0L, 1L));
		assertThat(reports.volume(q.groupedBy(ReportQuery.GroupBy.CHANNEL)).rows())
			.extracting(row -> row.get("key"), row -> row.get("value"), row -> row.get("solved"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(first.channel().name(), 2L, 1L));
	}

	@Test
	void shouldRebuildTheSameRowsTheListenersWrote() {
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = ticket(customer);
		clock.set(START.plusSeconds(300));
		reply(ticket, agent);
		await().atMost(PATIENCE).until(() -> answeredRows(account.id()) == 1);
		Map<String, Object> before = jdbc.queryForMap("select * from analytics_tickets where ticket_id = ?", ticket.id());

		jdbc.update("update analytics_tickets set asa_seconds = 1 where ticket_id = ?", ticket.id());
		AnalyticsApi.Rebuilt rebuilt = analytics.rebuild();

		assertThat(rebuilt.tickets()).isGreaterThanOrEqualTo(1);
		Map<String, Object> after = jdbc.queryForMap("select * from analytics_tickets where ticket_id = ?", ticket.id());
		assertThat(after).isEqualTo(before);
		assertThat(((Number) after.get("asa_seconds")).longValue()).isEqualTo(300L);
	}

	@Test
	void shouldNotCountTheCustomersWordsWrittenByAnAgentAsTheFirstAnswer() {
		// An agent opens a ticket for a customer on the phone (the description is the customer's words), then
		// writes an internal note: neither answers the customer
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = tickets.create(new io.rapport.tickets.NewTicket("Called about invoices", "Customer asks",
				new io.rapport.tickets.NewTicket.Requester(customer.email(), null), null, null, Channel.PHONE,
				List.of()), agent.user());
		tickets.addMessage(ticket.id(), new NewMessage("Checked the plan", Visibility.INTERNAL, null), List.of(),
				agent.user());
		assertThat(facts.fact(ticket.id())).get().satisfies(fact -> {
			assertThat(fact.firstResponseAt()).isNull();
			assertThat(fact.firstResponderId()).isNull();
		});

		clock.set(START.plusSeconds(90));
		reply(ticket, agent);

		assertThat(facts.fact(ticket.id())).get().satisfies(fact -> {
			assertThat(fact.firstResponseAt()).isEqualTo(START.plusSeconds(90));
			assertThat(fact.firstResponderId()).isEqualTo(agent.id());
		});
	}

	@Test
	void shouldNotCountACallLoggedOnTheCustomersBehalfAsTheFirstAnswer() {
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = ticket(customer);
		clock.set(START.plusSeconds(30));

		intake.receive(new io.rapport.tickets.InboundMessage("phone", null, Channel.PHONE, ticket.id(),
				customer.email(), null, agent.id(), null, "Customer called again: still broken.",
				NewMessage.BodyFormat.TEXT, null));

		assertThat(facts.fact(ticket.id())).get().extracting(Fact::firstResponseAt).isNull();
		assertThat(tickets.get(ticket.id(), agent.user()).firstResponseAt()).isNull();
	}

	@Test
	void shouldListTheTicketsBehindAFigureByAnsweredAndSolvedRange() {
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		Person agent = fixtures.anAgentIn("tier1");
		TicketView waiting = ticket(customer);
		TicketView answered = ticket(customer);
		reply(answered, agent);
		clock.set(START.plus(Duration.ofDays(2)));
		TicketView current = tickets.get(answered.id(), agent.user());
		tickets.update(answered.id(), new io.rapport.tickets.TicketUpdate(TicketStatus.SOLVED, null, null, null, null,
				null, current.version()), agent.user());

		assertThat(listed(account.id(), false, null, null)).containsExactly(waiting.id());
		assertThat(listed(account.id(), true, null, null)).containsExactly(answered.id());
		assertThat(listed(account.id(), null, START.plus(Duration.ofDays(2)), START.plus(Duration.ofDays(3))))
			.containsExactly(answered.id());
		assertThat(listed(account.id(), null, START, START.plus(Duration.ofDays(1)))).isEmpty();
	}

	private List<Long> listed(long account, Boolean answered, Instant solvedFrom, Instant solvedBefore) {
		io.rapport.tickets.TicketFilter filter = new io.rapport.tickets.TicketFilter(null, null, null, false, null,
				account, null, null, null, null, null, null, null, null, null, null, answered, solvedFrom, solvedBefore);
		return tickets.list(filter, 0, 10, fixtures.anAdmin().user()).items().stream().map(TicketView::id).toList();
	}

	private TicketView ticket(Person customer) {
		return fixtures.aTicketFrom(customer, "Speed " + IDS.incrementAndGet());
	}

	private void reply(TicketView ticket, Person agent) {
		tickets.addMessage(ticket.id(), new NewMessage("Here is the answer", Visibility.PUBLIC, null), List.of(),
				agent.user());
	}

	private long rows(long account) {
		return jdbc.queryForObject("select count(*) from analytics_tickets where account_id = ?", Long.class, account);
	}

	private long answeredRows(long account) {
		return jdbc.queryForObject("select count(*) from analytics_tickets where account_id = ? and asa_seconds is not null",
				Long.class, account);
	}

	private Report awaitReport(java.util.function.Supplier<Report> report, long count) {
		await().atMost(PATIENCE).until(() -> Long.valueOf(count).equals(report.get().total().get("count")));
		return report.get();
	}

	private void publish(Object... all) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			for (Object event : all) {
				events.publishEvent(event);
			}
		});
	}

	private AnalyticsListeners listeners() {
		return new AnalyticsListeners(facts, null, new SurveyRows(jdbc));
	}

	private static CsatRated csat(long answerId, long account, int rating, Instant at) {
		return new CsatRated(answerId, IDS.incrementAndGet(), IDS.incrementAndGet(), account, null, "tier1",
				Channel.EMAIL, rating, rating < 3, at.minusSeconds(3600), at);
	}

	private static NpsAnswered nps(long account, int score) {
		return new NpsAnswered(IDS.incrementAndGet(), IDS.incrementAndGet(), account, null, score, false, START);
	}

	private static SlaTargetEnded sla(long account, String target, boolean breached) {
		return new SlaTargetEnded(IDS.incrementAndGet(), IDS.incrementAndGet(), 1, "Standard", target,
				TicketPriority.NORMAL, "tier1", account, breached, START.minusSeconds(7200), START.minusSeconds(60),
				START);
	}

	private static Fact fact(long account, Instant created, Instant answered) {
		long id = IDS.incrementAndGet();
		return new Fact(id, id, created, Channel.EMAIL, "tier1", TicketPriority.NORMAL, TicketType.QUESTION, account,
				1, null, answered, null, null, TicketStatus.OPEN, 1);
	}

	/** The facts of {@code ticket} as read at another version of it. */
	private static Fact sameTicket(Fact ticket, Long assigneeId, Instant firstResponseAt, Instant solvedAt,
			TicketStatus status, long version) {
		return new Fact(ticket.ticketId(), ticket.number(), ticket.createdAt(), ticket.channel(), ticket.groupKey(),
				ticket.priority(), ticket.type(), ticket.accountId(), ticket.requesterId(), assigneeId,
				firstResponseAt, null, solvedAt, status, version);
	}

	/** Rows kept with a calendar of every day's every hour: business seconds are calendar seconds. */
	private TicketRows roundTheClockRows() {
		return new TicketRows(jdbc, calendars(BusinessCalendar.weekdays(7, "UTC", ZoneId.of("UTC"),
				LocalTime.of(0, 0), LocalTime.of(23, 59), Set.of())));
	}

	private static BusinessCalendars calendars(BusinessCalendar calendar) {
		return new BusinessCalendars() {

			@Override
			public BusinessCalendar defaultCalendar() {
				return calendar;
			}

			@Override
			public Optional<BusinessCalendar> calendar(long id) {
				return Optional.of(calendar);
			}

			@Override
			public List<BusinessCalendar> all() {
				return List.of(calendar);
			}
		};
	}
}
