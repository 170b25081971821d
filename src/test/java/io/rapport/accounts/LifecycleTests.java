package io.rapport.accounts;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Lifecycle stages with their history, owners, pinned notes and the one-glance summary. */
@RecordApplicationEvents
class LifecycleTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	ApplicationEvents events;

	@Test
	void shouldStartInOnboardingAndKeepTheHistoryOfWhoOrWhatMovedIt() throws Exception {
		Person manager = fixtures.anAgentIn("success");
		AccountView account = fixtures.anAccount();
		assertThat(account.stage()).isEqualTo(LifecycleStage.ONBOARDING);

		clock.set(START.plusSeconds(60));
		call(manager, post("/api/v1/accounts/" + account.id() + "/stage"), """
				{"stage": "ADOPTION", "reason": "Kickoff done"}""").andExpect(status().isOk());
		clock.set(START.plusSeconds(120));
		assertThat(accounts.moveStage(account.id(), LifecycleStage.EXPANSION, "seats 85% used", "rule: seats in use")).isTrue();
		assertThat(accounts.moveStage(account.id(), LifecycleStage.EXPANSION, "again", "rule: seats in use")).isFalse();

		assertThat(accounts.stageHistory(account.id())).extracting(StageChange::to)
			.containsExactly(LifecycleStage.EXPANSION, LifecycleStage.ADOPTION, LifecycleStage.ONBOARDING);
		StageChange byHand = accounts.stageHistory(account.id()).get(1);
		assertThat(byHand.agentId()).isEqualTo(manager.id());
		assertThat(byHand.reason()).isEqualTo("Kickoff done");
		assertThat(byHand.from()).isEqualTo(LifecycleStage.ONBOARDING);
		assertThat(accounts.stageHistory(account.id()).get(0).movedBy()).isEqualTo("rule: seats in use");
		assertThat(accounts.account(account.id()).orElseThrow().stage()).isEqualTo(LifecycleStage.EXPANSION);
		assertThat(events.stream(AccountStageChanged.class).filter(e -> e.accountId() == account.id()))
			.extracting(AccountStageChanged::to)
			.containsExactly(LifecycleStage.ONBOARDING, LifecycleStage.ADOPTION, LifecycleStage.EXPANSION);

		call(fixtures.anAgentIn("tier1"), get("/api/v1/accounts/" + account.id() + "/stages"), null)
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].to").value("EXPANSION"));
		call(fixtures.anAgentIn("tier1"), post("/api/v1/accounts/" + account.id() + "/stage"), "{\"stage\": \"ADVOCACY\"}")
			.andExpect(status().isForbidden());
		call(manager, post("/api/v1/accounts/" + account.id() + "/stage"), "{\"stage\": \"LOST\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("stage"));
		call(fixtures.aCustomerOf(account.id()), get("/api/v1/accounts/" + account.id() + "/stages"), null)
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldGiveAccountsOnlyToSuccessManagersAndListTheirPortfolio() throws Exception {
		Person manager = fixtures.anAgentIn("success");
		Person tier1 = fixtures.anAgentIn("tier1");
		AccountView account = fixtures.anAccount();
		call(manager, patch("/api/v1/accounts/" + account.id()), "{\"ownerId\": " + manager.id() + "}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.ownerId").value(manager.id()))
			.andExpect(jsonPath("$.name").value(account.name()));
		call(manager, patch("/api/v1/accounts/" + account.id()), "{\"ownerId\": " + tier1.id() + "}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ownerId"));
		call(manager, patch("/api/v1/accounts/" + account.id()), "{\"ownerId\": \"me\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ownerId"));
		call(tier1, patch("/api/v1/accounts/" + account.id()), "{\"ownerId\": null}").andExpect(status().isForbidden());

		subscriptions.create(new NewSubscription(account.id(), "Scale", 120_000L, "EUR", 40,
				START.minusSeconds(86_400), START.plusSeconds(86_400 * 30L), null), manager.id());
		subscriptions.create(new NewSubscription(account.id(), "Add-on", 5_000L, "EUR", 40,
				START.minusSeconds(86_400), START.plusSeconds(86_400 * 10L), null), manager.id());
		assertThat(accounts.portfolio(manager.id())).singleElement().satisfies(s -> {
			assertThat(s.plans()).containsExactly("Scale", "Add-on");
			assertThat(s.mrr()).containsExactly(new Mrr(125_000L, "EUR"));
			assertThat(s.seats()).isEqualTo(80);
			assertThat(s.renewsAt()).isEqualTo(START.plusSeconds(86_400 * 10L));
			assertThat(s.ownerName()).isEqualTo(manager.user().name());
		});
		call(manager, patch("/api/v1/accounts/" + account.id()), "{\"ownerId\": null}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.ownerId").isEmpty());
		assertThat(accounts.portfolio(manager.id())).isEmpty();
	}

	@Test
	void shouldLetOnlyTheOwnerOrAnAdminPinANote() {
		Person manager = fixtures.anAgentIn("success");
		Person colleague = fixtures.anAgentIn("success");
		AccountView account = fixtures.anAccount();
		accounts.setOwner(account.id(), manager.id());
		accounts.pinNote(account.id(), "  Renewal talks in May: be gentle  ", manager.user());
		assertThat(accounts.summary(account.id()).orElseThrow().note().text()).isEqualTo("Renewal talks in May: be gentle");
		assertThatThrownBy(() -> accounts.pinNote(account.id(), "mine now", colleague.user()))
			.isInstanceOf(io.rapport.shared.ForbiddenException.class);
		accounts.pinNote(account.id(), "", fixtures.anAdmin().user());
		assertThat(accounts.summary(account.id()).orElseThrow().note()).isNull();
	}

	@Test
	void shouldFormatMrrInTheReadersLanguage() {
		assertThat(new Mrr(123_450L, "EUR").format(java.util.Locale.ENGLISH)).isEqualTo("€1,234.50");
		assertThat(new Mrr(5_000L, "JPY").format(java.util.Locale.ENGLISH)).isEqualTo("¥5,000");
	}

	private ResultActions call(Person who, MockHttpServletRequestBuilder request, String json) throws Exception {
		request.header("Authorization", who.bearer());
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}
}
