package io.rapport.workflows.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketStatusChanged;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.workflows.internal.SlaPolicy.EscalateAt;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A policy's edit moves the targets already running under it (as Zendesk recalculates open tickets' targets), and
 * the admin API for policies: its shapes, its checks as problem details, and who may use it.
 */
class SlaPolicyChangeTests extends IntegrationTest {

	@Autowired
	SlaTimers timers;

	@Autowired
	TargetStore targets;

	@Autowired
	SlaPolicies policies;

	@Autowired
	SlaPolicyRetimer retimer;

	@Autowired
	SlaFixtures sla;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	TicketsApi tickets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PolicyStore policyStore;

	@Autowired
	PlatformTransactionManager transactions;

	private static long anyId() {
		return ThreadLocalRandom.current().nextLong(3_000_000_000_000L, 4_000_000_000_000L);
	}

	private void created(long ticketId, long accountId) {
		timers.created(new TicketCreated(ticketId, 1, accountId, Channel.PORTAL, TicketType.QUESTION,
				TicketPriority.NORMAL, "tier1", null, START));
	}

	private SlaTarget target(long ticketId, TargetKind kind) {
		return targets.ofTicket(ticketId).stream().filter(t -> t.kind() == kind).reduce((a, b) -> b).orElseThrow();
	}

	private static SlaPolicy with(SlaPolicy p, Integer first, Integer resolution) {
		return new SlaPolicy(p.id(), p.name(), p.position(), p.priority(), p.type(), p.groupKey(), p.accountId(),
				p.calendarId(), first, p.nextReplyMinutes(), resolution, p.warnFirstPct(), p.warnSecondPct(),
				p.escalateAt(), p.raisePriority(), p.moveToGroup());
	}

	@Test
	void shouldMoveRunningTargetsWhenTheirPolicyChangesKeepingTimeUsedAndWarningsSent() {
		long account = anyId();
		long ticket = anyId();
		SlaPolicy policy = sla.normal(account, sla.alwaysOpen(), 60, 30, 240);
		created(ticket, account);
		// 60 minutes of resolution time used before a pause, back to work at +120
		timers.statusChanged(new TicketStatusChanged(ticket, TicketStatus.OPEN, TicketStatus.PENDING, AuthorKind.AGENT,
				1L, START.plus(Duration.ofMinutes(60))));
		timers.statusChanged(new TicketStatusChanged(ticket, TicketStatus.PENDING, TicketStatus.OPEN, AuthorKind.AGENT,
				1L, START.plus(Duration.ofMinutes(120))));
		targets.warn(target(ticket, TargetKind.FIRST_REPLY).id(), false);
		assertThat(target(ticket, TargetKind.RESOLUTION).dueAt()).isEqualTo(START.plus(Duration.ofMinutes(300)));

		policies.save(with(policy, 120, 480));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> target(ticket, TargetKind.FIRST_REPLY).dueAt().equals(START.plus(Duration.ofMinutes(120))));

		SlaTarget first = target(ticket, TargetKind.FIRST_REPLY);
		assertThat(first.targetMinutes()).isEqualTo(120);
		assertThat(first.warnedFirst()).isTrue();
		// the first warning was sent: the next check is the second one, at 90% of 120 minutes
		assertThat(first.warnSecondAt()).isEqualTo(START.plus(Duration.ofMinutes(108)));
		// 480 - 60 used = 420 minutes from +120
		assertThat(target(ticket, TargetKind.RESOLUTION).dueAt()).isEqualTo(START.plus(Duration.ofMinutes(540)));
	}

	@Test
	void shouldCancelATargetThePolicyNoLongerHasAndEveryTargetOfADeletedPolicy() {
		long account = anyId();
		long ticket = anyId();
		SlaPolicy policy = sla.normal(account, sla.alwaysOpen(), 60, 30, 240);
		created(ticket, account);

		policies.save(with(policy, 60, null));
		retimer.retime(policy.id(), START.plus(Duration.ofMinutes(5)));
		assertThat(target(ticket, TargetKind.RESOLUTION).outcome()).isEqualTo(SlaTarget.CANCELLED);
		assertThat(target(ticket, TargetKind.FIRST_REPLY).outcome()).isNull();

		policies.delete(policy.id());
		retimer.retime(policy.id(), START.plus(Duration.ofMinutes(6)));
		assertThat(target(ticket, TargetKind.FIRST_REPLY).outcome()).isEqualTo(SlaTarget.CANCELLED);
	}

	@Test
	void shouldDeliverACoveredTicketsPublicationWhenItsPolicyWasDeletedBeforeDelivery() {
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());
		SlaPolicy policy = sla.normal(account.id(), sla.alwaysOpen(), 60, 30, 240);
		// covered as it is created, so its publication is stored; the policy is gone before the listener runs
		long ticketId = new TransactionTemplate(transactions).execute(tx -> {
			long id = fixtures.aTicketFrom(customer, "Covered, then not").id();
			policies.delete(policy.id());
			return id;
		});

		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from "
				+ "event_publication where completion_date is null and listener_id like '%SlaListeners%' "
				+ "and serialized_event like ?", Integer.class, "%\"ticketId\":" + ticketId + ",%") == 0);
		assertThat(jdbc.queryForObject("select count(*) from event_publication where event_type = ? "
				+ "and serialized_event like ?", Integer.class, CoveredTicketCreated.class.getName(),
				"%\"ticketId\":" + ticketId + ",%")).isEqualTo(1);
		assertThat(targets.ofTicket(ticketId)).isEmpty();
	}

	@Test
	void shouldReachTheOpenTicketsANewPolicyAppliesToFromTheTimeItWasMade() {
		AccountView account = fixtures.anAccount();
		TicketView open = fixtures.aTicketFrom(fixtures.aCustomerOf(account.id()), "Before any policy");
		TicketView solved = fixtures.aTicketFrom(fixtures.aCustomerOf(account.id()), "Solved before any policy");
		tickets.update(solved.id(), new TicketUpdate(TicketStatus.SOLVED, null, null, null, null, null, solved.version(),
				null), fixtures.anAdmin().user());
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from event_publication "
				+ "where completion_date is null and listener_id like '%SlaListeners%'", Integer.class) == 0);
		assertThat(targets.ofTicket(open.id())).isEmpty();

		clock.set(START.plus(Duration.ofHours(2)));
		SlaPolicy policy = sla.normal(account.id(), sla.alwaysOpen(), 60, 30, 240);
		retimer.reach(policy.id(), clock.instant());
		assertThat(targets.ofTicket(open.id())).hasSize(2);

		SlaTarget first = target(open.id(), TargetKind.FIRST_REPLY);
		assertThat(first.policyId()).isEqualTo(policy.id());
		assertThat(first.dueAt()).isEqualTo(START.plus(Duration.ofHours(3)));
		assertThat(target(open.id(), TargetKind.RESOLUTION).dueAt()).isEqualTo(START.plus(Duration.ofHours(6)));
		assertThat(targets.ofTicket(solved.id())).isEmpty();
	}

	@Test
	void shouldHandOverTicketsToAPolicyMovedAheadOfTheirs() {
		AccountView account = fixtures.anAccount();
		long calendar = sla.alwaysOpen();
		SlaPolicy slow = sla.normal(account.id(), calendar, 240, 60, 960);
		TicketView ticket = fixtures.aTicketFrom(fixtures.aCustomerOf(account.id()), "Under the slow policy");
		await().atMost(Duration.ofSeconds(20)).until(() -> targets.ofTicket(ticket.id()).size() == 2);
		SlaPolicy fast = sla.normal(account.id(), calendar, 30, 15, 120);
		retimer.reach(fast.id(), START);
		assertThat(target(ticket.id(), TargetKind.FIRST_REPLY).policyId()).isEqualTo(slow.id());

		jdbc.update("update sla_policies set position = ? where id = ?", slow.position() - 1, fast.id());
		jdbc.update("update sla_policies set position = ? where id = ?", slow.position() + 1, slow.id());
		policyStore.forget();
		retimer.reach(fast.id(), START.plus(Duration.ofMinutes(1)));
		assertThat(target(ticket.id(), TargetKind.FIRST_REPLY).policyId()).isEqualTo(fast.id());
		assertThat(target(ticket.id(), TargetKind.FIRST_REPLY).targetMinutes()).isEqualTo(30);
	}

	@Test
	void shouldLetAnAdminListCreateReadChangeAndDeletePoliciesThroughTheApi() throws Exception {
		Person admin = fixtures.anAdmin();
		String name = SlaFixtures.unique("Api");
		String location = call(admin, post("/api/v1/sla/policies"), """
				{"name": "%s", "priority": "HIGH", "group": "tier2", "firstReplyMinutes": 60, "resolutionMinutes": 480}"""
			.formatted(name))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.warnFirstPct").value(75))
			.andExpect(jsonPath("$.escalateAt").value("BREACH"))
			.andReturn().getResponse().getHeader("Location");
		assertThat(location).startsWith("/api/v1/sla/policies/");

		call(admin, get("/api/v1/sla/policies"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem(name)));
		call(admin, patch(location), """
				{"firstReplyMinutes": 30, "group": null, "raisePriority": true}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.firstReplyMinutes").value(30))
			.andExpect(jsonPath("$.resolutionMinutes").value(480))
			.andExpect(jsonPath("$.group").doesNotExist())
			.andExpect(jsonPath("$.raisePriority").value(true))
			.andExpect(jsonPath("$.name").value(name));
		call(admin, get(location), null).andExpect(status().isOk()).andExpect(jsonPath("$.firstReplyMinutes").value(30));

		call(admin, patch(location), "{\"warnSecondPct\": 50}").andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("warnSecondPct"));
		call(admin, patch(location), "{\"firstReplyMinutes\": \"soon\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("firstReplyMinutes"));
		call(admin, post("/api/v1/sla/policies"), "{\"name\": \"No priority\", \"firstReplyMinutes\": 5}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("priority"));
		call(admin, post("/api/v1/sla/policies"), "{\"name\": \"x\", \"priority\": \"LOW\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("firstReplyMinutes"));

		call(admin, delete(location), null).andExpect(status().isNoContent());
		call(admin, get(location), null).andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"));
	}

	@Test
	void shouldKeepThePolicyApiToAdmins() throws Exception {
		Person admin = fixtures.anAdmin();
		long id = sla.normal(anyId(), sla.alwaysOpen(), 60, 30, 240).id();
		Person agent = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomer();
		call(agent, get("/api/v1/sla/policies"), null).andExpect(status().isForbidden());
		call(agent, patch("/api/v1/sla/policies/" + id), "{\"firstReplyMinutes\": 1}").andExpect(status().isForbidden());
		call(agent, delete("/api/v1/sla/policies/" + id), null).andExpect(status().isForbidden());
		call(customer, get("/api/v1/sla/policies/" + id), null).andExpect(status().isNotFound());
		call(customer, post("/api/v1/sla/policies"), "{}").andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/sla/policies")).andExpect(status().isUnauthorized());
		call(admin, get("/api/v1/sla/policies/" + id), null).andExpect(jsonPath("$.firstReplyMinutes").value(60));
	}

	private ResultActions call(Person who, MockHttpServletRequestBuilder request, String json) throws Exception {
		request.header("Authorization", who.bearer());
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}
}
