package io.rapport.billing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.MovementKind;
import io.rapport.accounts.MovementView;
import io.rapport.accounts.SubscriptionsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/v1/billing/stripe/webhook} with recorded Stripe payloads signed with a test secret: movements
 * from created, updated and deleted; replays, out-of-order and empty updates write nothing; bad signatures and old
 * timestamps answer 400; an unmapped customer is listed, mapped by hand, and its events apply then.
 */
class StripeWebhookApiTests extends IntegrationTest {

	private static final AtomicInteger IDS = new AtomicInteger();

	private static final long NOW = START.getEpochSecond();

	private static final long START_DATE = Instant.parse("2026-02-01T10:00:00Z").getEpochSecond();

	private static final long PERIOD_END = Instant.parse("2026-04-01T10:00:00Z").getEpochSecond();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SubscriptionsApi subscriptions;

	Person admin;

	@BeforeEach
	void secret() throws Exception {
		admin = fixtures.anAdmin();
		mvc.perform(post("/admin/billing/secret").with(csrf()).with(signedInAs(admin)).param("secret", StripeEvents.SECRET));
	}

	@Test
	void shouldTurnSubscriptionEventsIntoMovementsOnceAndInOrder() throws Exception {
		AccountView account = fixtures.anAccount();
		String customer = id("cus");
		String subscription = id("sub");
		String email = "ioana@" + account.domain();
		deliver(StripeEvents.event("customer.created", "event", id("evt"), "created", NOW - 900, "customer", customer,
				"email", email)).andExpect(jsonPath("$.outcome").value("APPLIED"));

		byte[] created = StripeEvents.event("customer.subscription.created", "event", id("evt"), "created", NOW - 800,
				"customer", customer, "subscription", subscription, "start", START_DATE, "periodEnd", PERIOD_END);
		deliver(created).andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("APPLIED"));
		assertThat(movements(account)).extracting(MovementView::kind, MovementView::mrrCents, MovementView::seats,
				MovementView::plan, MovementView::currency)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(MovementKind.NEW, 10000L, 5, "Pro", "EUR"));
		var view = subscriptions.ofAccount(account.id()).get(0);
		assertThat(view.startedAt()).isEqualTo(Instant.ofEpochSecond(START_DATE));
		assertThat(view.renewsAt()).isEqualTo(Instant.ofEpochSecond(PERIOD_END));

		deliver(created).andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("DUPLICATE"));
		assertThat(movements(account)).hasSize(1);

		deliver(updated(customer, subscription, NOW - 600, 8, 5)).andExpect(jsonPath("$.outcome").value("APPLIED"));
		MovementView expansion = movements(account).get(1);
		assertThat(expansion.kind()).isEqualTo(MovementKind.EXPANSION);
		assertThat(expansion.mrrDeltaCents()).isEqualTo(6000);
		assertThat(expansion.seats()).isEqualTo(8);
		assertThat(expansion.effectiveAt()).isEqualTo(Instant.ofEpochSecond(NOW - 600));

		// an update from before the one applied arrives late: nothing changes
		deliver(updated(customer, subscription, NOW - 700, 6, 5)).andExpect(jsonPath("$.outcome").value("STALE"));
		// an update that changes neither plan, MRR nor seats
		deliver(updated(customer, subscription, NOW - 500, 8, 8)).andExpect(jsonPath("$.outcome").value("UNCHANGED"));
		assertThat(movements(account)).hasSize(2);
		assertThat(subscriptions.ofAccount(account.id()).get(0).mrrCents()).isEqualTo(16000);

		deliver(StripeEvents.event("invoice.paid", "event", id("evt"), "created", NOW - 400, "customer", customer,
				"email", email, "subscription", subscription, "start", START_DATE))
			.andExpect(jsonPath("$.outcome").value("RECORDED"));
		long ignoredBefore = ignored();
		deliver(StripeEvents.event("charge.succeeded", "event", id("evt"), "created", NOW - 390, "customer", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("IGNORED"));
		assertThat(ignored()).isEqualTo(ignoredBefore + 1);

		long canceledAt = NOW - 300;
		deliver(StripeEvents.event("customer.subscription.deleted", "event", id("evt"), "created", NOW - 299,
				"customer", customer, "subscription", subscription, "start", START_DATE, "periodEnd", PERIOD_END,
				"canceledAt", canceledAt)).andExpect(jsonPath("$.outcome").value("APPLIED"));
		MovementView cancellation = movements(account).get(2);
		assertThat(cancellation.kind()).isEqualTo(MovementKind.CANCELLATION);
		assertThat(cancellation.mrrDeltaCents()).isEqualTo(-16000);
		assertThat(cancellation.effectiveAt()).isEqualTo(Instant.ofEpochSecond(canceledAt));
		assertThat(cancellation.reason()).isEqualTo("Stripe: cancellation_requested");
		// the update that came before the deletion, delivered again under a new id, changes nothing
		deliver(updated(customer, subscription, NOW - 450, 9, 8)).andExpect(jsonPath("$.outcome").value("STALE"));
		assertThat(movements(account)).hasSize(3);

		mvc.perform(get("/api/v1/billing/stripe/events").header("Authorization", admin.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events[0].type").value("customer.subscription.updated"))
			.andExpect(jsonPath("$.events[0].outcome").value("STALE"));
	}

	@Test
	void shouldRefuseABadSignatureOrAnOldTimestampWithoutSayingMore() throws Exception {
		byte[] body = StripeEvents.event("charge.succeeded", "event", id("evt"), "created", NOW, "customer", id("cus"));
		expectRefused(body, StripeEvents.signature(NOW, body, "whsec_someoneElsesSecret000"));
		expectRefused(body, StripeEvents.signature(NOW - 301, body, StripeEvents.SECRET));
		expectRefused(body, StripeEvents.signature(NOW + 301, body, StripeEvents.SECRET));
		expectRefused(body, null);
		expectRefused(body, "t=" + NOW);
		expectRefused(body, "v1=" + "ab".repeat(32));
		byte[] altered = new String(body).replace("10000", "99999").getBytes();
		expectRefused(altered, StripeEvents.signature(NOW, body, StripeEvents.SECRET));
		// several v1 (while Stripe rolls a secret): one matching is enough; within the tolerance either side
		String good = StripeEvents.signature(NOW - 299, body, StripeEvents.SECRET);
		String both = "t=" + (NOW - 299) + ",v1=" + "00".repeat(32) + "," + good.substring(good.indexOf("v1=")) + ",v0=abc";
		mvc.perform(post("/api/v1/billing/stripe/webhook").header("Stripe-Signature", both)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("IGNORED"));
	}

	@Test
	void shouldListAnUnmappedCustomerAndApplyItsEventsOnceMappedByHand() throws Exception {
		AccountView account = fixtures.anAccount();
		String customer = id("cus");
		String subscription = id("sub");
		deliver(StripeEvents.event("customer.created", "event", id("evt"), "created", NOW - 900, "customer", customer,
				"email", "billing@" + id("unknown") + ".example")).andExpect(jsonPath("$.outcome").value("UNMAPPED"));
		deliver(StripeEvents.event("customer.subscription.created", "event", id("evt"), "created", NOW - 800,
				"customer", customer, "subscription", subscription, "start", START_DATE, "periodEnd", PERIOD_END))
			.andExpect(jsonPath("$.outcome").value("UNMAPPED"));
		assertThat(subscriptions.ofAccount(account.id())).isEmpty();
		mvc.perform(get("/api/v1/billing/stripe/customers/unmapped").header("Authorization", admin.bearer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"customerId\":\"" + customer + "\"")));

		mvc.perform(post("/api/v1/billing/stripe/customers/" + customer + "/map").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"account\": \"nobody.example\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("account"));
		mvc.perform(post("/api/v1/billing/stripe/customers/" + customer + "/map").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"account\": \"" + account.domain() + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accountId").value(account.id()))
			.andExpect(jsonPath("$.mappedBy").value("admin"));
		assertThat(movements(account)).extracting(MovementView::kind).containsExactly(MovementKind.NEW);
		mvc.perform(get("/api/v1/billing/stripe/customers/unmapped").header("Authorization", admin.bearer()))
			.andExpect(content().string(not(containsString(customer))));

		deliver(updated(customer, subscription, NOW - 100, 7, 5)).andExpect(jsonPath("$.outcome").value("APPLIED"));
		assertThat(movements(account)).extracting(MovementView::kind)
			.containsExactly(MovementKind.NEW, MovementKind.EXPANSION);
		mvc.perform(post("/api/v1/billing/stripe/customers/" + customer + "/map").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"account\": \"" + account.id() + "\"}"))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/billing/stripe/customers/unmapped")
			.header("Authorization", fixtures.anAgentIn("tier1").bearer()))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldApplyNothingOfAnEventItRefusesAndAnswerItsReplayAsSuch() throws Exception {
		AccountView account = fixtures.anAccount();
		String customer = id("cus");
		deliver(StripeEvents.event("customer.created", "event", id("evt"), "created", NOW - 900, "customer", customer,
				"email", "ana@" + account.domain())).andExpect(jsonPath("$.outcome").value("APPLIED"));
		String event = id("evt");
		byte[] strange = new String(StripeEvents.event("customer.subscription.created", "event", event, "created",
				NOW - 800, "customer", customer, "subscription", id("sub"), "start", START_DATE, "periodEnd", PERIOD_END))
			.replace("\"eur\"", "\"xyz\"").getBytes();
		deliver(strange).andExpect(jsonPath("$.outcome").value("REJECTED"));
		assertThat(subscriptions.ofAccount(account.id())).isEmpty();
		deliver(strange).andExpect(jsonPath("$.outcome").value("DUPLICATE"));
		mvc.perform(get("/api/v1/billing/stripe/events?limit=5").header("Authorization", admin.bearer()))
			.andExpect(jsonPath("$.events[0].eventId").value(event))
			.andExpect(jsonPath("$.events[0].outcome").value("REJECTED"))
			.andExpect(jsonPath("$.events[0].detail").value(containsString("XYZ")));

		byte[] notJson = "{\"id\": ".getBytes();
		mvc.perform(post("/api/v1/billing/stripe/webhook")
			.header("Stripe-Signature", StripeEvents.signature(NOW, notJson, StripeEvents.SECRET))
			.contentType(MediaType.APPLICATION_JSON).content(notJson))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
	}

	private byte[] updated(String customer, String subscription, long created, int quantity, int previous) {
		return StripeEvents.event("customer.subscription.updated", "event", id("evt"), "created", created, "customer",
				customer, "subscription", subscription, "start", START_DATE, "periodEnd", PERIOD_END, "quantity", quantity,
				"previousQuantity", previous);
	}

	private ResultActions deliver(byte[] body) throws Exception {
		return mvc.perform(post("/api/v1/billing/stripe/webhook")
			.header("Stripe-Signature", StripeEvents.signature(NOW, body, StripeEvents.SECRET))
			.contentType("application/json; charset=utf-8").content(body)).andExpect(status().isOk());
	}

	private void expectRefused(byte[] body, String signature) throws Exception {
		var request = post("/api/v1/billing/stripe/webhook").contentType(MediaType.APPLICATION_JSON).content(body);
		if (signature != null) {
			request.header("Stripe-Signature", signature);
		}
		mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://rapport.io/problems/bad-signature"))
			.andExpect(jsonPath("$.errors[0].field").value("Stripe-Signature"))
			.andExpect(content().string(not(containsString("whsec"))));
	}

	private long ignored() throws Exception {
		String body = mvc.perform(get("/api/v1/billing/stripe/events?limit=1").header("Authorization", admin.bearer()))
			.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll(".*\"ignoredCount\":(\\d+).*", "$1"));
	}

	private List<MovementView> movements(AccountView account) {
		return subscriptions.movements(account.id());
	}

	private static String id(String prefix) {
		return prefix + "_T" + IDS.incrementAndGet() + "x" + System.nanoTime();
	}
}
