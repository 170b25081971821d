package io.rapport.accounts;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The account page's forms, the portfolio page and the ticket page's account panel. */
class AccountSuccessPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	SubscriptionsApi subscriptions;

	@Test
	void shouldAddChangeAndCancelSubscriptionsFromTheAccountPage() throws Exception {
		Person manager = fixtures.anAgentIn("success");
		AccountView account = fixtures.anAccount();
		mvc.perform(post("/accounts/" + account.id() + "/subscriptions").with(csrf()).with(signedInAs(manager))
			.param("plan", "Growth").param("mrr", "1,234.50").param("currency", "eur").param("seats", "12")
			.param("startedOn", "2026-01-01").param("renewsOn", "2027-01-01"))
			.andExpect(redirectedUrl("/accounts/" + account.id() + "#subscriptions"))
			.andExpect(flash().attribute("successNotice", containsString("Growth")));
		SubscriptionView s = subscriptions.ofAccount(account.id()).get(0);
		assertThat(s.mrrCents()).isEqualTo(123_450L);

		mvc.perform(post("/accounts/" + account.id() + "/subscriptions").with(csrf()).with(signedInAs(manager))
			.param("plan", "Growth").param("mrr", "12.345").param("currency", "EUR").param("seats", "1")
			.param("startedOn", "2026-01-01"))
			.andExpect(flash().attribute("successError", containsString("MRR")));
		mvc.perform(post("/subscriptions/" + s.id() + "/change").with(csrf()).with(signedInAs(manager))
			.param("plan", "Growth").param("mrr", "1500").param("seats", "12").param("effectiveOn", "2026-02-01"))
			.andExpect(flash().attribute("successNotice", containsString("Growth")));
		mvc.perform(post("/subscriptions/" + s.id() + "/cancel").with(csrf()).with(signedInAs(manager))
			.param("effectiveOn", "2026-03-01").param("reason", ""))
			.andExpect(flash().attribute("successError", containsString("Reason")));
		mvc.perform(post("/subscriptions/" + s.id() + "/cancel").with(csrf()).with(signedInAs(manager))
			.param("effectiveOn", "2026-03-01").param("reason", "Too expensive"))
			.andExpect(flash().attribute("successNotice", containsString("Growth")));
		assertThat(subscriptions.movements(account.id())).extracting(MovementView::kind)
			.containsExactly(MovementKind.NEW, MovementKind.EXPANSION, MovementKind.CANCELLATION);

		mvc.perform(get("/accounts/" + account.id()).with(signedInAs(manager))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-subscriptions"), containsString("Too expensive"),
					containsString("data-add-subscription"), containsString("data-stage-history"))));
	}

	@Test
	void shouldShowButNotOfferChangesToOtherAgentsAndRefuseThem() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		AccountView account = fixtures.anAccount();
		mvc.perform(get("/accounts/" + account.id()).with(signedInAs(agent))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-account-summary"),
					not(containsString("data-add-subscription")), not(containsString("data-stage-form")))));
		mvc.perform(post("/accounts/" + account.id() + "/stage").param("stage", "ADOPTION").with(csrf())
			.with(signedInAs(agent))).andExpect(status().isForbidden());
		assertThat(accounts.account(account.id()).orElseThrow().stage()).isEqualTo(LifecycleStage.ONBOARDING);
	}

	@Test
	void shouldListThePortfolioAndShowTheAccountOnItsTickets() throws Exception {
		Person manager = fixtures.anAgentIn("success");
		AccountView account = fixtures.anAccount();
		accounts.setOwner(account.id(), manager.id());
		accounts.moveStage(account.id(), LifecycleStage.RETENTION, "renewed once", manager.user());
		accounts.pinNote(account.id(), "Champion left in March <b>careful</b>", manager.user());
		subscriptions.create(new NewSubscription(account.id(), "Enterprise", 990_000L, "USD", 150, START,
				START.plusSeconds(86_400L * 200), null), manager.id());

		mvc.perform(get("/portfolio").with(signedInAs(manager))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(account.name()), containsString("Enterprise"),
					containsString("$9,900.00"), containsString("Retention"))));
		TicketView ticket = fixtures.aTicketFrom(fixtures.aCustomerOf(account.id()), "Export fails");
		mvc.perform(get("/tickets/" + ticket.id()).with(signedInAs(fixtures.anAgentIn("tier1"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-account-panel"), containsString("$9,900.00"),
					containsString(manager.user().name()), containsString("Champion left in March &lt;b&gt;careful&lt;/b&gt;"))));
	}
}
