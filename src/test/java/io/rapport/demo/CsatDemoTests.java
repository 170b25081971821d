package io.rapport.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.surveys.CsatAnswers;
import io.rapport.surveys.CsatRated;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's surveys: one per ticket solved in the last 90 days, recorded through the surveys module, seeded. */
class CsatDemoTests extends IntegrationTest {

	/** Far from every other test's time, so the 90 days hold only this test's tickets. */
	private static final Instant DEMO_TIME = START.plus(Duration.ofDays(2_000));

	@Autowired
	DemoCsat demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Autowired
	CsatAnswers answers;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldSurveyTheTicketsSolvedInTheLastNinetyDays() {
		Fixtures.Person agent = fixtures.anAgentIn("tier1");
		List<Long> solved = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			clock.set(DEMO_TIME.plus(Duration.ofDays(i)));
			TicketView ticket = fixtures.aTicketFrom(fixtures.aCustomer(), "Demo question " + i);
			TicketView assigned = tickets.update(ticket.id(), new TicketUpdate(null, null, null, agent.id(), null, null,
					ticket.version()), agent.user());
			tickets.update(ticket.id(), new TicketUpdate(TicketStatus.SOLVED, null, null, null, null, null,
					assigned.version()), agent.user());
			solved.add(ticket.id());
		}
		String in = String.join(",", solved.stream().map(String::valueOf).toList());
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"select count(*) from csat_surveys where ticket_id in (" + in + ")", Integer.class) == solved.size());
		clock.set(DEMO_TIME.plus(Duration.ofDays(20)));

		int[] counts = demo.create(42);

		assertThat(counts[0]).isEqualTo(solved.size());
		assertThat(jdbc.queryForObject("select count(*) from csat_surveys where offered_at is not null and ticket_id in ("
				+ in + ")", Integer.class)).isEqualTo(solved.size());
		List<CsatRated> rated = new ArrayList<>();
		answers.forEach(event -> {
			if (solved.contains(event.ticketId())) {
				rated.add(event);
			}
		});
		assertThat(rated).hasSize(counts[1]).isNotEmpty().allSatisfy(event -> {
			assertThat(event.rating()).isBetween(1, 5);
			assertThat(event.agentId()).isEqualTo(agent.id());
		});
		assertThat(demo.create(42)[0]).as("a second run surveys nothing again").isZero();
	}
}
