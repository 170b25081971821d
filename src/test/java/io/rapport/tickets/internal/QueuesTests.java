package io.rapport.tickets.internal;

import java.util.List;
import java.util.UUID;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewAccount;
import io.rapport.tickets.BulkChange;
import io.rapport.tickets.BulkResult;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketSort;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Queues agents shape: filters and sorts in the URL, search people find things with, bulk changes, saved views. */
class QueuesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Autowired
	AccountsApi accounts;

	Person agent;

	String word;

	@BeforeEach
	void anAgent() {
		agent = fixtures.anAgentIn("tier1");
		word = "w" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void shouldFindARequesterAndAnAccountIgnoringAccentsAndCase() {
		TicketView ticket = tickets.create(new NewTicket("Export fails " + word, "It fails.",
				new NewTicket.Requester("jurgen." + word + "@example.org", "Jürgen Müller"), null, null, null, List.of()),
				agent.user());
		TicketView other = tickets.create(new NewTicket("Invoice " + word, "Where is it?",
				new NewTicket.Requester("ana." + word + "@example.org", "Ana"), null, null, null, List.of()),
				agent.user());

		assertThat(search("jurgen muller")).extracting(TicketView::id).contains(ticket.id());
		assertThat(search("EXPORT FAILS " + word)).extracting(TicketView::id).containsExactly(ticket.id());
		assertThat(search("invoice " + word)).extracting(TicketView::id).containsExactly(other.id());
		assertThat(search("jurgen." + word)).extracting(TicketView::id).containsExactly(ticket.id());
	}

	@Test
	void shouldFindTicketsByTheirAccountsName() {
		AccountView account = accounts.createAccount(new NewAccount("Café Ñandú " + word, word + ".example", null));
		TicketView ticket = tickets.create(new NewTicket("Login", "Cannot log in.",
				new NewTicket.Requester("someone@" + word + ".example", "Someone"), null, null, null, List.of()),
				agent.user());
		assertThat(ticket.accountId()).isEqualTo(account.id());

		assertThat(search("cafe nandu " + word)).extracting(TicketView::id).containsExactly(ticket.id());
	}

	@Test
	void shouldFindTicketsByAnAccountsNewNameOnceRenamed() {
		AccountView account = accounts.createAccount(new NewAccount("Old name " + word, word + ".example", null));
		TicketView ticket = tickets.create(new NewTicket("Login", "Cannot log in.",
				new NewTicket.Requester("someone@" + word + ".example", "Someone"), null, null, null, List.of()),
				agent.user());

		accounts.updateAccount(account.id(), new NewAccount("Zürich Bank " + word, word + ".example", null));

		awaitFound("zurich bank " + word, ticket.id());
		assertThat(search("old name " + word)).isEmpty();
	}

	@Test
	void shouldSortByPriorityInItsWorkingOrderThenById() {
		TicketView low = priority(fixtures.aTicketFrom(fixtures.aCustomer(), "Low " + word), TicketPriority.LOW);
		TicketView urgent = priority(fixtures.aTicketFrom(fixtures.aCustomer(), "Urgent " + word), TicketPriority.URGENT);
		TicketView high = priority(fixtures.aTicketFrom(fixtures.aCustomer(), "High " + word), TicketPriority.HIGH);
		TicketFilter filter = new TicketFilter(null, null, null, false, null, null, null, word);

		assertThat(tickets.list(filter, TicketSort.parse("-priority"), 0, 10, agent.user()).items())
			.extracting(TicketView::id).containsExactly(urgent.id(), high.id(), low.id());
		assertThat(tickets.list(filter, TicketSort.parse("priority"), 0, 10, agent.user()).items())
			.extracting(TicketView::id).containsExactly(low.id(), high.id(), urgent.id());
		assertThat(tickets.list(filter, TicketSort.parse("number"), 0, 2, agent.user()))
			.satisfies(page -> assertThat(page.total()).isEqualTo(3))
			.satisfies(page -> assertThat(page.items()).extracting(TicketView::id).containsExactly(low.id(), urgent.id()));
	}

	@Test
	void shouldChangeSelectedTicketsAndSayWhichWereSkippedAndWhy() {
		TicketView first = fixtures.aTicket();
		TicketView second = fixtures.aTicket();
		TicketView closed = close(fixtures.aTicket());

		BulkResult result = tickets.bulkChange(List.of(first.id(), second.id(), closed.id()),
				new BulkChange(agent.id(), false, null, TicketPriority.HIGH, List.of("vip"), null, null, null),
				agent.user());

		assertThat(result.changed()).containsExactly(first.id(), second.id());
		assertThat(result.skipped()).singleElement().satisfies(skip -> {
			assertThat(skip.ticketId()).isEqualTo(closed.id());
			assertThat(skip.reason()).contains("closed");
		});
		assertThat(tickets.get(first.id(), agent.user())).satisfies(t -> {
			assertThat(t.priority()).isEqualTo(TicketPriority.HIGH);
			assertThat(t.assigneeId()).isEqualTo(agent.id());
			assertThat(t.tags()).contains("vip");
		});
	}

	@Test
	void shouldEscalateSelectedTicketsWithOneReason() {
		TicketView ticket = fixtures.aTicket();
		tickets.bulkChange(List.of(ticket.id()),
				new BulkChange(null, false, null, null, null, null, "tier2", "Needs an engineer"), agent.user());
		assertThat(tickets.get(ticket.id(), agent.user())).satisfies(t -> {
			assertThat(t.group()).isEqualTo("tier2");
			assertThat(t.escalations()).last().extracting(e -> e.reason()).isEqualTo("Needs an engineer");
		});
	}

	@Test
	void shouldFilterThroughTheUrlAndShowTheRange() throws Exception {
		TicketView high = priority(fixtures.aTicketFrom(fixtures.aCustomer(), "Printer " + word), TicketPriority.HIGH);
		fixtures.aTicketFrom(fixtures.aCustomer(), "Scanner " + word);

		mvc.perform(get("/tickets").param("view", "all").param("priority", "HIGH").param("q", word)
			.param("sort", "-created").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Printer " + word)))
			.andExpect(content().string(not(containsString("Scanner " + word))))
			.andExpect(content().string(containsString("1–1 of 1")))
			.andExpect(content().string(containsString("value=\"HIGH\" checked")))
			.andExpect(content().string(containsString("/tickets/" + high.id())));
	}

	@Test
	void shouldFilterByAssigneeAndByWhenTicketsWereCreated() throws Exception {
		clock.set(START.plusSeconds(86_400 * 3));
		try {
			TicketView older = fixtures.aTicketFrom(fixtures.aCustomer(), "Older " + word);
			clock.set(START.plusSeconds(86_400 * 5));
			TicketView mine = fixtures.aTicketFrom(fixtures.aCustomer(), "Mine " + word);
			tickets.update(mine.id(), new TicketUpdate(null, null, null, agent.id(), null, null, mine.version()),
					agent.user());

			mvc.perform(get("/tickets").param("view", "all").param("q", word).param("assignee", "me")
				.with(signedInAs(agent)))
				.andExpect(content().string(containsString("Mine " + word)))
				.andExpect(content().string(not(containsString("Older " + word))));
			mvc.perform(get("/tickets").param("view", "all").param("q", word).param("assignee", "unassigned")
				.with(signedInAs(agent)))
				.andExpect(content().string(containsString("Older " + word)))
				.andExpect(content().string(not(containsString("Mine " + word))));
			mvc.perform(get("/tickets").param("view", "all").param("q", word).param("created_to", "2026-03-05")
				.with(signedInAs(agent)))
				.andExpect(content().string(containsString("Older " + word)))
				.andExpect(content().string(not(containsString("Mine " + word))));
			mvc.perform(get("/tickets").param("view", "all").param("q", word).param("created_from", "2026-03-06")
				.with(signedInAs(agent)))
				.andExpect(content().string(containsString("Mine " + word)))
				.andExpect(content().string(not(containsString("Older " + word))));
		}
		finally {
			clock.set(START);
		}
	}

	@Test
	void shouldApplyABulkChangeFromTheQueueAndReturnToIt() throws Exception {
		TicketView ticket = fixtures.aTicket();
		TicketView closed = close(fixtures.aTicket());
		mvc.perform(post("/tickets/bulk").param("ids", String.valueOf(ticket.id()), String.valueOf(closed.id()))
			.param("priority", "URGENT").param("back", "/tickets?view=all&priority=URGENT")
			.with(csrf()).with(signedInAs(agent)))
			.andExpect(redirectedUrlPattern("/tickets?view=all&priority=URGENT"))
			.andExpect(flash().attribute("bulkNotice", "1 ticket changed, 1 skipped."));
		assertThat(tickets.get(ticket.id(), agent.user()).priority()).isEqualTo(TicketPriority.URGENT);
	}

	@Test
	void shouldSaveAPersonalViewAndListItWithItsCount() throws Exception {
		priority(fixtures.aTicketFrom(fixtures.aCustomer(), "Billing " + word), TicketPriority.HIGH);
		String location = mvc.perform(post("/tickets/views").param("name", "Hot " + word)
			.param("query", "view=all&priority=HIGH&q=" + word).with(csrf()).with(signedInAs(agent)))
			.andExpect(redirectedUrlPattern("/tickets?saved=*"))
			.andReturn().getResponse().getRedirectedUrl();

		mvc.perform(get(location).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Billing " + word)))
			.andExpect(content().string(containsString("Hot " + word)))
			.andExpect(content().string(containsString("saved-view is-active")));
		mvc.perform(get(location).with(signedInAs(fixtures.anAgentIn("tier1"))))
			.andExpect(content().string(not(containsString("Hot " + word))));
	}

	@Test
	void shouldLetOnlyItsOwnerRemoveAPersonalView() throws Exception {
		String location = mvc.perform(post("/tickets/views").param("name", "Mine " + word).param("query", "view=mine")
			.with(csrf()).with(signedInAs(agent)))
			.andReturn().getResponse().getRedirectedUrl();
		String id = location.substring(location.indexOf('=') + 1);

		mvc.perform(post("/tickets/views/{id}/delete", id).with(csrf()).with(signedInAs(fixtures.anAgentIn("tier1"))))
			.andExpect(flash().attributeExists("viewError"));
		mvc.perform(get("/tickets").with(signedInAs(agent)))
			.andExpect(content().string(containsString("Mine " + word)));
		mvc.perform(post("/tickets/views/{id}/delete", id).with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isFound());
		mvc.perform(get("/tickets").with(signedInAs(agent)))
			.andExpect(content().string(not(containsString("Mine " + word))));
	}

	@Test
	void shouldLetOnlyAdminsShareAView() throws Exception {
		mvc.perform(post("/tickets/views").param("name", "Everyone " + word).param("shared", "true")
			.param("query", "view=all").with(csrf()).with(signedInAs(agent)))
			.andExpect(flash().attributeExists("viewError"));
		mvc.perform(post("/tickets/views").param("name", "Everyone " + word).param("shared", "true")
			.param("query", "view=all").with(csrf()).with(signedInAs(fixtures.anAdmin())))
			.andExpect(redirectedUrlPattern("/tickets?saved=*"));
		mvc.perform(get("/tickets").param("view", "all").with(signedInAs(agent)))
			.andExpect(content().string(containsString("Everyone " + word)));
	}

	@Test
	void shouldMarkEscalatedTicketsInTheQueueWithTheReason() throws Exception {
		TicketView ticket = fixtures.aTicketFrom(fixtures.aCustomer(), "Escalated " + word);
		tickets.escalate(ticket.id(), "tier2", "Export job times out " + word, agent.user());
		mvc.perform(get("/tickets").param("group", "tier2").param("q", word).with(signedInAs(agent)))
			.andExpect(content().string(containsString("class=\"escalated\"")))
			.andExpect(content().string(containsString("Export job times out " + word)));
	}

	@Test
	void shouldAcceptTheQueueFiltersAndSortInTheApi() throws Exception {
		TicketView high = priority(fixtures.aTicketFrom(fixtures.aCustomer(), "Api " + word), TicketPriority.HIGH);
		fixtures.aTicketFrom(fixtures.aCustomer(), "Api low " + word);
		mvc.perform(get("/api/v1/tickets").param("q", word).param("priority", "HIGH").param("sort", "-number")
			.header("Authorization", agent.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(high.id()));
	}

	/** Renames reach the search keys after commit, through an event: wait for them with a deadline. */
	private void awaitFound(String text, long ticketId) {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		while (search(text).stream().noneMatch(t -> t.id() == ticketId)) {
			assertThat(System.nanoTime()).as("found '%s' in time", text).isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private List<TicketView> search(String text) {
		return tickets.list(new TicketFilter(null, null, null, false, null, null, null, text), TicketSort.newestChange(),
				0, 25, agent.user()).items();
	}

	private TicketView priority(TicketView ticket, TicketPriority priority) {
		return tickets.update(ticket.id(), new TicketUpdate(null, priority, null, null, null, null, ticket.version()),
				agent.user());
	}

	private TicketView close(TicketView ticket) {
		TicketView solved = tickets.update(ticket.id(),
				new TicketUpdate(TicketStatus.SOLVED, null, null, null, null, null, ticket.version()), agent.user());
		return tickets.update(ticket.id(),
				new TicketUpdate(TicketStatus.CLOSED, null, null, null, null, null, solved.version()), agent.user());
	}
}
