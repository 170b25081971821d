package io.rapport.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.Role;
import io.rapport.surveys.CsatSurveys;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Component;

/**
 * CSAT surveys on the demo's tickets solved in the last 90 days, an hour after each solve, about half of them
 * answered (mostly 4 and 5, some bad), with comments in the customers' languages. Recorded through the surveys
 * module, so each answer publishes {@code CsatRated} as a real one does. Seeded: the same seed gives the same answers.
 */
@Component
class DemoCsat {

	static final Duration PERIOD = Duration.ofDays(90);

	static final int MAX_SURVEYS = 2_000;

	/** Names the agent the ticket was with; a ticket without one gets the words without a name. */
	private static final String PRAISE = "{agent} explained it better than the manual.";

	private static final List<String> GOOD = List.of("Quick and clear, thank you!", "Solved in one reply. Great.",
			"Mulțumesc, a mers perfect.", "非常感谢，问题解决了。", "Dankon, tre helpema respondo!",
			"மிக்க நன்றி, விரைவான உதவி.", PRAISE);

	private static final List<String> MEH = List.of("Fine, but it took two days.", "A durat cam mult, dar s-a rezolvat.",
			"还可以，但需要多次解释。");

	private static final List<String> BAD = List.of("Nobody answered for three days.",
			"I had to explain the problem three times.", "Răspunsul nu mi-a rezolvat problema.", "问题还没有解决。",
			"Mi devis atendi tro longe.");

	private final TicketsApi tickets;

	private final IdentityApi identity;

	private final CsatSurveys surveys;

	private final Clock clock;

	DemoCsat(TicketsApi tickets, IdentityApi identity, CsatSurveys surveys, Clock clock) {
		this.tickets = tickets;
		this.identity = identity;
		this.surveys = surveys;
		this.clock = clock;
	}

	/** Answers how many surveys and answers it recorded. */
	int[] create(long seed) {
		AgentView admin = identity.agents().stream().filter(a -> a.active() && a.role() == Role.ADMIN).findFirst()
			.orElse(null);
		if (admin == null) {
			return new int[] { 0, 0 };
		}
		AuthenticatedUser as = AuthenticatedUser.agent(admin.id(), admin.email(), admin.name(), admin.role());
		Random random = new Random(seed ^ 0xC5A7L);
		Instant now = clock.instant();
		Instant from = now.minus(PERIOD);
		Map<Long, String> firstNames = new HashMap<>();
		identity.agents().forEach(a -> firstNames.put(a.id(), a.name().strip().split("\\s+")[0]));
		int surveyed = 0;
		int answered = 0;
		TicketFilter solved = new TicketFilter(Set.of(TicketStatus.SOLVED, TicketStatus.CLOSED), null, null, false, null,
				null, null, null);
		for (int page = 0; surveyed < MAX_SURVEYS && page < 50; page++) {
			List<TicketView> batch = tickets.list(solved, page, 200, as).items();
			for (TicketView ticket : batch) {
				Instant offered = ticket.solvedAt() == null ? null : ticket.solvedAt().plus(Duration.ofHours(1));
				if (offered == null || offered.isBefore(from) || !offered.isBefore(now) || surveyed >= MAX_SURVEYS) {
					continue;
				}
				Integer rating = random.nextInt(100) < 48 ? rating(random) : null;
				Instant rated = offered.plus(Duration.ofMinutes(5 + random.nextInt(2_000)));
				if (rated.isAfter(now)) {
					rated = now;
				}
				try {
					if (surveys.recordPast(ticket.id(), rating, rating == null ? null : comment(random, rating,
							firstNames.get(ticket.assigneeId())), offered,
							rated)) {
						surveyed++;
						answered += rating == null ? 0 : 1;
					}
				}
				catch (RuntimeException skipped) {
					// a ticket the surveys module will not survey (no requester): the demo goes on without it
				}
			}
			if (batch.size() < 200) {
				break;
			}
		}
		return new int[] { surveyed, answered };
	}

	private static int rating(Random random) {
		int roll = random.nextInt(100);
		return roll < 52 ? 5 : roll < 78 ? 4 : roll < 88 ? 3 : roll < 94 ? 2 : 1;
	}

	static String comment(Random random, int rating, String agentFirstName) {
		if (random.nextInt(100) >= 45) {
			return null;
		}
		List<String> pool = rating >= 4 ? GOOD : rating == 3 ? MEH : BAD;
		String words = pool.get(random.nextInt(pool.size()));
		if (!words.equals(PRAISE)) {
			return words;
		}
		return agentFirstName == null ? "It was explained better than in the manual."
				: words.replace("{agent}", agentFirstName);
	}
}
