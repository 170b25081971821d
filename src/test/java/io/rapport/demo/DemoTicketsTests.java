package io.rapport.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.rapport.demo.DemoTickets.Cast;
import io.rapport.demo.DemoTickets.Customer;
import io.rapport.identity.GroupView;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.ImportedTicket;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTicketsTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	@Test
	void shouldMakeTheSameCompanyAndTicketsForTheSameSeed() {
		assertThat(DemoCompany.plan(new Random(42), 150)).isEqualTo(DemoCompany.plan(new Random(42), 150));
		assertThat(tickets(42, 300)).isEqualTo(tickets(42, 300));
		assertThat(subjects(tickets(42, 300))).isNotEqualTo(subjects(tickets(43, 300)));
	}

	@Test
	void shouldMakeCustomersFromManyCultures() {
		DemoCompany.Plan plan = DemoCompany.plan(new Random(42), 150);
		List<String> names = plan.contacts().stream().map(DemoCompany.ContactSeed::name).toList();

		assertThat(plan.accounts()).hasSize(20);
		assertThat(plan.agents()).hasSize(10);
		assertThat(plan.contacts()).hasSize(150);
		assertThat(plan.contacts().stream().map(DemoCompany.ContactSeed::email).distinct()).hasSize(150);
		assertThat(names).anyMatch(name -> name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
		assertThat(names).anyMatch(name -> name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.TAMIL));
		assertThat(plan.accounts()).anyMatch(a -> a.culture() == DemoCompany.Culture.ROMANIAN)
			.anyMatch(a -> a.culture() == DemoCompany.Culture.ESPERANTO);
		assertThat(plan.agents().stream().map(DemoCompany.AgentSeed::group).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(GroupView.TIER1, GroupView.TIER2, GroupView.SALES, GroupView.SUCCESS);
	}

	@Test
	void shouldMixTypesPrioritiesChannelsStatusesAndTiers() {
		List<ImportedTicket> tickets = tickets(42, 500);

		assertThat(set(tickets, ImportedTicket::type)).containsAll(EnumSet.allOf(TicketType.class));
		assertThat(set(tickets, ImportedTicket::priority)).containsAll(EnumSet.allOf(TicketPriority.class));
		assertThat(set(tickets, ImportedTicket::channel)).containsAll(EnumSet.allOf(Channel.class));
		assertThat(set(tickets, ImportedTicket::status)).containsAll(EnumSet.allOf(TicketStatus.class));
		assertThat(set(tickets, ImportedTicket::group)).contains(GroupView.TIER1, GroupView.TIER2, GroupView.SALES);

		long done = tickets.stream().filter(t -> TicketStatus.DONE.contains(t.status())).count();
		assertThat(done).isGreaterThan(tickets.size() / 2);
		List<ImportedTicket.Escalation> escalations = tickets.stream().flatMap(t -> t.escalations().stream()).toList();
		assertThat(escalations).anyMatch(e -> e.from().equals(GroupView.TIER1) && e.to().equals(GroupView.TIER2))
			.anyMatch(e -> e.from().equals(GroupView.TIER1) && e.to().equals(GroupView.SALES))
			.anyMatch(e -> e.to().equals(GroupView.TIER1))
			.allMatch(e -> !e.reason().isBlank() && e.byId() != null);
		assertThat(tickets.stream().flatMap(t -> t.messages().stream()))
			.anyMatch(m -> m.visibility() == Visibility.INTERNAL)
			.noneMatch(m -> m.body().contains("{"));
	}

	@Test
	void shouldKeepEveryTicketsTimelineInOrderAndInThePast() {
		for (ImportedTicket ticket : tickets(7, 500)) {
			assertThat(ticket.createdAt()).isAfter(NOW.minus(DemoTickets.SPAN).minusSeconds(1)).isBefore(NOW);
			List<Instant> times = new ArrayList<>(ticket.messages().stream().map(ImportedTicket.Message::at).toList());
			assertThat(times).isSorted().allMatch(t -> !t.isAfter(NOW));
			assertThat(ticket.messages().get(0).authorKind()).isEqualTo(AuthorKind.CONTACT);
			if (ticket.status() == TicketStatus.NEW) {
				assertThat(ticket.firstResponseAt()).isNull();
				assertThat(ticket.assigneeId()).isNull();
			}
			else {
				assertThat(ticket.firstResponseAt()).isAfter(ticket.createdAt());
			}
			if (TicketStatus.DONE.contains(ticket.status())) {
				assertThat(ticket.solvedAt()).isAfterOrEqualTo(times.get(times.size() - 1)).isBeforeOrEqualTo(NOW);
			}
		}
	}

	@Test
	void shouldAnswerChatsFasterThanEmail() {
		List<ImportedTicket> tickets = tickets(42, 1_000);
		assertThat(medianFirstResponse(tickets, Channel.CHAT)).isLessThan(Duration.ofMinutes(10));
		assertThat(medianFirstResponse(tickets, Channel.EMAIL)).isGreaterThan(Duration.ofMinutes(30))
			.isLessThan(Duration.ofHours(12));
	}

	private static Duration medianFirstResponse(List<ImportedTicket> tickets, Channel channel) {
		List<Duration> times = tickets.stream()
			.filter(t -> t.channel() == channel && t.firstResponseAt() != null)
			.map(t -> Duration.between(t.createdAt(), t.firstResponseAt()))
			.sorted()
			.toList();
		return times.get(times.size() / 2);
	}

	private static List<ImportedTicket> tickets(long seed, int count) {
		Random random = new Random(seed);
		DemoCompany.Plan plan = DemoCompany.plan(random, 150);
		DemoTickets generator = new DemoTickets(random, cast(plan), NOW, count);
		return IntStream.range(0, count).mapToObj(generator::ticket).toList();
	}

	/** The plan with made-up ids, as a database would give them. */
	private static Cast cast(DemoCompany.Plan plan) {
		Map<String, List<Long>> byGroup = new java.util.LinkedHashMap<>();
		Map<Long, String> names = new java.util.HashMap<>();
		for (int i = 0; i < plan.agents().size(); i++) {
			byGroup.computeIfAbsent(plan.agents().get(i).group(), g -> new ArrayList<>()).add(100L + i);
			names.put(100L + i, plan.agents().get(i).name());
		}
		List<Customer> customers = IntStream.range(0, plan.contacts().size())
			.mapToObj(i -> new Customer(1_000L + i, plan.contacts().get(i).account() < 0 ? null
					: (long) plan.contacts().get(i).account(), plan.contacts().get(i).name(), "Acme"))
			.toList();
		return new Cast(byGroup, names, customers);
	}

	private static List<String> subjects(List<ImportedTicket> tickets) {
		return tickets.stream().map(ImportedTicket::subject).toList();
	}

	private static <T> Set<T> set(List<ImportedTicket> tickets, java.util.function.Function<ImportedTicket, T> field) {
		return tickets.stream().map(field).collect(Collectors.toCollection(HashSet::new));
	}
}
