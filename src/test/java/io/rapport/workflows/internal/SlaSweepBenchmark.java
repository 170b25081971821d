package io.rapport.workflows.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.TestDatabase;
import io.rapport.accounts.AccountView;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not a test (its name keeps it out of the suite): {@code bench/sla-sweep.sh} runs it on H2 and PostgreSQL. Loads
 * 100,000 running targets (open tickets) whose warnings are hours or days away, plus 200 real tickets whose first
 * warning is due, and times the sweep: once with nothing due, once acting on the 200, once more with nothing left.
 * Prints lines starting with {@code SLA-BENCH} and appends them to {@code target/sla-sweep-bench.txt}.
 */
class SlaSweepBenchmark extends IntegrationTest {

	private static final int TARGETS = 100_000;

	private static final int DUE_TICKETS = 200;

	private static final long FAKE_TICKETS = 7_000_000_000_000L;

	@Autowired
	SlaSweep sweep;

	@Autowired
	SlaFixtures sla;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TargetStore targets;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void sweep100kOpenTickets() throws IOException {
		AccountView account = fixtures.anAccount();
		long calendar = sla.alwaysOpen();
		SlaPolicy policy = sla.normal(account.id(), calendar, 60, 60, 600);
		try {
			long loadStart = System.nanoTime();
			load(policy, START);
			long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < DUE_TICKETS; i++) {
				TicketView ticket = fixtures.aTicketFrom(fixtures.aCustomerOf(account.id()), "Bench " + i);
				ids.add(ticket.id());
			}
			await().atMost(Duration.ofMinutes(5)).until(() -> jdbc.queryForObject(
					"select count(*) from sla_targets where policy_id = ? and ticket_id < ?", Integer.class,
					policy.id(), FAKE_TICKETS) == DUE_TICKETS * 2);
			String database = TestDatabase.KIND;

			clock.set(START.plus(Duration.ofMinutes(30)));
			long idle = time(() -> assertThat(sweep.run()).isZero());
			clock.set(START.plus(Duration.ofMinutes(46)));
			int[] acted = new int[1];
			long busy = time(() -> acted[0] = sweep.run());
			long again = time(() -> assertThat(sweep.run()).isZero());
			assertThat(acted[0]).isEqualTo(DUE_TICKETS);
			String plan = plan(START.plus(Duration.ofMinutes(46)));
			List<String> lines = List.of(
					"SLA-BENCH " + database + " loaded " + TARGETS + " running targets in " + loadMs + " ms",
					"SLA-BENCH " + database + " sweep, nothing due (" + TARGETS + " + " + DUE_TICKETS * 2
							+ " running targets): " + idle + " ms",
					"SLA-BENCH " + database + " sweep, " + acted[0] + " first warnings due (notifications to the "
							+ "ticket's group): " + busy + " ms",
					"SLA-BENCH " + database + " sweep right after, nothing due: " + again + " ms",
					"SLA-BENCH " + database + " plan of the due query: " + plan);
			lines.forEach(System.out::println);
			Files.write(Path.of("target/sla-sweep-bench.txt"), lines, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		finally {
			jdbc.update("delete from sla_targets where ticket_id >= ?", FAKE_TICKETS);
			jdbc.update("delete from sla_targets where policy_id = ?", policy.id());
		}
	}

	/** 100,000 running targets of tickets that are not in the tickets table, due 2 h to 10 days after {@code at}. */
	private void load(SlaPolicy policy, Instant at) {
		List<Object[]> rows = new ArrayList<>();
		long firstId = jdbc.queryForObject("select nextval('sla_targets_seq')", Long.class);
		for (int i = 0; i < TARGETS; i++) {
			Instant due = at.plus(Duration.ofMinutes(120 + (i % 14_000)));
			Instant warn = at.plus(Duration.ofMinutes(90 + (i % 14_000)));
			rows.add(new Object[] { firstId + 1_000_000 + i, FAKE_TICKETS + i, policy.id(), policy.name(),
					"RESOLUTION", "bench:" + (FAKE_TICKETS + i), policy.calendarId(), 600, 75, 90, "NORMAL", "tier1",
					Times.sql(at), Times.sql(at), Times.sql(due), Times.sql(warn), Times.sql(due.minusSeconds(600)),
					Times.sql(warn) });
			if (rows.size() == 5_000) {
				insert(rows);
				rows.clear();
			}
		}
		insert(rows);
	}

	private void insert(List<Object[]> rows) {
		jdbc.batchUpdate("insert into sla_targets (id, ticket_id, policy_id, policy_name, kind, trigger_key, "
				+ "calendar_id, target_minutes, warn_first_pct, warn_second_pct, priority, group_key, started_at, "
				+ "running_since, due_at, warn_first_at, warn_second_at, next_check_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	private String plan(Instant now) {
		if (!TestDatabase.isPostgres()) {
			return "(PostgreSQL only)";
		}
		jdbc.execute("analyze sla_targets");
		return String.join(" / ", jdbc.queryForList("explain analyze select " + TargetStore.COLUMNS
				+ " from sla_targets where next_check_at <= ? order by next_check_at, id fetch first 500 rows only",
				String.class, Times.sql(now)));
	}

	private static long time(Runnable run) {
		long start = System.nanoTime();
		run.run();
		return (System.nanoTime() - start) / 1_000_000;
	}
}
