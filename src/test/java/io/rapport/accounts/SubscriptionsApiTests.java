package io.rapport.accounts;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The subscriptions API as the issue writes it, the ledger of movements it keeps, and who may use it. */
@RecordApplicationEvents
class SubscriptionsApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	ApplicationEvents events;

	Person manager;

	long accountId;

	@BeforeEach
	void setUp() {
		manager = fixtures.anAgentIn("success");
		accountId = fixtures.anAccount().id();
	}

	@Test
	void shouldStartChangeCancelAndReactivateKeepingEveryMovement() throws Exception {
		long id = start("""
				{"accountId": %d, "plan": "Growth", "mrrCents": 49900, "currency": "eur", "seats": 10,
				 "startedAt": "2026-01-01T00:00:00Z", "renewsAt": "2027-01-01T00:00:00Z"}""".formatted(accountId));
		call(manager, patch("/api/v1/subscriptions/" + id), """
				{"seats": 15, "mrrCents": 74900, "effectiveAt": "2026-02-01T00:00:00Z"}""")
			.andExpect(status().isOk()).andExpect(jsonPath("$.seats").value(15)).andExpect(jsonPath("$.plan").value("Growth"));
		call(manager, patch("/api/v1/subscriptions/" + id), """
				{"plan": "Starter", "mrrCents": 19900, "effectiveAt": "2026-02-15T00:00:00Z"}""").andExpect(status().isOk());
		call(manager, post("/api/v1/subscriptions/" + id + "/cancel"), """
				{"effectiveAt": "2026-03-01T00:00:00Z", "reason": "Moved to a competitor"}""")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.cancelReason").value("Moved to a competitor"));
		call(manager, patch("/api/v1/subscriptions/" + id), """
				{"mrrCents": 29900, "effectiveAt": "2026-03-02T00:00:00Z"}""")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.cancelledAt").isEmpty());

		List<MovementView> ledger = subscriptions.movements(accountId);
		assertThat(ledger).extracting(MovementView::kind).containsExactly(MovementKind.NEW, MovementKind.EXPANSION,
				MovementKind.CONTRACTION, MovementKind.CANCELLATION, MovementKind.REACTIVATION);
		assertThat(ledger).extracting(MovementView::mrrDeltaCents).containsExactly(49900L, 25000L, -55000L, -19900L, 29900L);
		assertThat(ledger).extracting(MovementView::mrrCents).containsExactly(49900L, 74900L, 19900L, 0L, 29900L);
		assertThat(ledger).allSatisfy(m -> assertThat(m.currency()).isEqualTo("EUR"));
		assertThat(ledger.get(3).reason()).isEqualTo("Moved to a competitor");
		assertThat(ledger.get(0).recordedBy()).isEqualTo(manager.id());
		assertThat(ledger.stream().mapToLong(MovementView::mrrDeltaCents).sum()).isEqualTo(29900L);

		assertThat(events.stream(SubscriptionStarted.class).filter(e -> e.subscriptionId() == id))
			.singleElement().satisfies(e -> assertThat(e.mrrCents()).isEqualTo(49900L));
		assertThat(events.stream(SubscriptionChanged.class).filter(e -> e.subscriptionId() == id))
			.extracting(SubscriptionChanged::mrrDeltaCents).containsExactly(25000L, -55000L, 29900L);
		assertThat(events.stream(SubscriptionCancelled.class).filter(e -> e.subscriptionId() == id))
			.singleElement().satisfies(e -> assertThat(e.mrrCents()).isEqualTo(19900L));
	}

	@Test
	void shouldCountATrialsMrrFromItsEndAndReadTheStatusFromTheClock() throws Exception {
		long id = start("""
				{"accountId": %d, "plan": "Trial", "mrrCents": 9900, "currency": "USD", "seats": 3,
				 "startedAt": "2026-03-01T00:00:00Z", "trialEndsAt": "2026-03-15T00:00:00Z"}""".formatted(accountId));
		call(manager, get("/api/v1/accounts/" + accountId + "/subscriptions"), null)
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].status").value("TRIAL")).andExpect(jsonPath("$[0].trialEndsAt").exists());
		assertThat(subscriptions.movements(accountId)).singleElement()
			.satisfies(m -> assertThat(m.effectiveAt()).isEqualTo("2026-03-15T00:00:00Z"));

		clock.set(java.time.Instant.parse("2026-03-16T00:00:00Z"));
		assertThat(subscriptions.subscription(id).status()).isEqualTo(SubscriptionStatus.ACTIVE);
		call(manager, post("/api/v1/subscriptions/" + id + "/cancel"), """
				{"effectiveAt": "2026-04-01T00:00:00Z", "reason": "Budget"}""")
			.andExpect(jsonPath("$.status").value("ACTIVE")).andExpect(jsonPath("$.cancelledAt").value("2026-04-01T00:00:00Z"));
		clock.set(java.time.Instant.parse("2026-04-01T00:00:00Z"));
		assertThat(subscriptions.subscription(id).status()).isEqualTo(SubscriptionStatus.CANCELLED);
	}

	@Test
	void shouldNameTheFieldAtFault() throws Exception {
		String valid = """
				{"accountId": %d, "plan": "Growth", "mrrCents": 100, "currency": "EUR", "seats": 1,
				 "startedAt": "2026-01-01T00:00:00Z"}""".formatted(accountId);
		rejects(valid.replace("\"EUR\"", "\"XYZ\""), "currency");
		rejects(valid.replace("\"EUR\"", "\"euro\""), "currency");
		rejects(valid.replace("\"mrrCents\": 100", "\"mrrCents\": -1"), "mrrCents");
		rejects(valid.replace("\"seats\": 1", "\"seats\": 0"), "seats");
		rejects(valid.replace("\"plan\": \"Growth\"", "\"plan\": \" \""), "plan");
		rejects(valid.replace("\"accountId\": " + accountId, "\"accountId\": 987654321"), "accountId");
		rejects(valid.replace("\"startedAt\": \"2026-01-01T00:00:00Z\"", "\"startedAt\": \"yesterday\""), "startedAt");
		rejects(valid.replace("}", ", \"renewsAt\": \"2025-12-01T00:00:00Z\"}"), "renewsAt");
		rejects(valid.replace("\"seats\": 1,", ""), "seats");

		long id = start(valid);
		call(manager, patch("/api/v1/subscriptions/" + id), "{\"seats\": 2}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("effectiveAt"));
		call(manager, patch("/api/v1/subscriptions/" + id), "{\"plan\": \"Growth\", \"effectiveAt\": \"2026-02-01T00:00:00Z\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("plan"));
		call(manager, patch("/api/v1/subscriptions/" + id), "{\"seats\": 2, \"effectiveAt\": \"2025-02-01T00:00:00Z\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("effectiveAt"));
		call(manager, post("/api/v1/subscriptions/" + id + "/cancel"), "{\"effectiveAt\": \"2026-02-01T00:00:00Z\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		call(manager, post("/api/v1/subscriptions/" + id + "/cancel"), "{\"effectiveAt\": \"2026-02-01T00:00:00Z\", \"reason\": \"x\"}")
			.andExpect(status().isOk());
		call(manager, post("/api/v1/subscriptions/" + id + "/cancel"), "{\"effectiveAt\": \"2026-02-01T00:00:00Z\", \"reason\": \"x\"}")
			.andExpect(status().isConflict());
		call(manager, patch("/api/v1/subscriptions/987654321"), "{\"seats\": 2, \"effectiveAt\": \"2026-02-01T00:00:00Z\"}")
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldLetAgentsReadButOnlyAdminsAndSuccessManagersWriteAndNeverShowCustomers() throws Exception {
		String body = """
				{"accountId": %d, "plan": "Growth", "mrrCents": 100, "currency": "EUR", "seats": 1,
				 "startedAt": "2026-01-01T00:00:00Z"}""".formatted(accountId);
		Person agent = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomerOf(accountId);
		call(agent, post("/api/v1/subscriptions"), body).andExpect(status().isForbidden());
		call(customer, post("/api/v1/subscriptions"), body).andExpect(status().isNotFound());
		call(fixtures.anAdmin(), post("/api/v1/subscriptions"), body).andExpect(status().isCreated());
		long id = start(body);

		call(agent, get("/api/v1/accounts/" + accountId + "/subscriptions"), null)
			.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
		call(agent, patch("/api/v1/subscriptions/" + id), "{\"seats\": 2, \"effectiveAt\": \"2026-02-01T00:00:00Z\"}")
			.andExpect(status().isForbidden());
		call(agent, post("/api/v1/subscriptions/" + id + "/cancel"), "{\"effectiveAt\": \"2026-02-01T00:00:00Z\", \"reason\": \"x\"}")
			.andExpect(status().isForbidden());
		call(customer, get("/api/v1/accounts/" + accountId + "/subscriptions"), null).andExpect(status().isNotFound());
		call(customer, get("/api/v1/subscriptions/" + id), null).andExpect(status().isNotFound());
		call(agent, get("/api/v1/accounts/987654321/subscriptions"), null).andExpect(status().isNotFound());
	}

	private long start(String json) throws Exception {
		String body = call(manager, post("/api/v1/subscriptions"), json)
			.andExpect(status().isCreated()).andExpect(header().exists("Location"))
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private void rejects(String json, String field) throws Exception {
		call(manager, post("/api/v1/subscriptions"), json)
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private ResultActions call(Person who, MockHttpServletRequestBuilder request, String json) throws Exception {
		request.header("Authorization", who.bearer());
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}
}
