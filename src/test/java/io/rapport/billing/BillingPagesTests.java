package io.rapport.billing;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.SubscriptionsApi;
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

/** Admin → Billing: the webhook URL, the secret never shown back, mapping a customer by hand, the CSV preview. */
class BillingPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SubscriptionsApi subscriptions;

	@Test
	void shouldKeepTheSecretSealedAndShowTheWebhookUrl() throws Exception {
		Person admin = fixtures.anAdmin();
		mvc.perform(post("/admin/billing/secret").with(csrf()).with(signedInAs(admin)).param("secret", "sk_live_oops"))
			.andExpect(redirectedUrl("/admin/billing"))
			.andExpect(flash().attribute("error", containsString("whsec_")));
		mvc.perform(post("/admin/billing/secret").with(csrf()).with(signedInAs(admin))
			.param("secret", "whsec_pageTestSecretValue123"))
			.andExpect(flash().attribute("notice", containsString("saved")));
		mvc.perform(get("/admin/billing").with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("/api/v1/billing/stripe/webhook"),
					containsString("A secret is saved"), containsString("customer.subscription.deleted"),
					not(containsString("pageTestSecretValue")))));
		mvc.perform(get("/admin/billing").with(signedInAs(fixtures.anAgentIn("tier1")))).andExpect(status().isForbidden());
		mvc.perform(get("/admin").with(signedInAs(admin)))
			.andExpect(content().string(containsString("href=\"/admin/billing\"")));
	}

	@Test
	void shouldPreviewAndImportACsvAndMapACustomerFromThePage() throws Exception {
		Person admin = fixtures.anAdmin();
		AccountView account = fixtures.anAccount();
		String csv = "account,plan,mrrCents,currency,seats,startedAt\n" + account.domain() + ",Scale,25000,EUR,3,2025-09-01\n"
				+ account.id() + ",Broken,-1,EUR,1,2025-09-01\n";
		mvc.perform(post("/admin/billing/import").with(csrf()).with(signedInAs(admin)).param("csv", csv)
			.param("action", "import"))
			.andExpect(redirectedUrl("/admin/billing#import"))
			.andExpect(flash().attribute("error", containsString("nothing was imported")));
		assertThat(subscriptions.ofAccount(account.id())).isEmpty();
		String good = csv.substring(0, csv.indexOf(account.id() + ",Broken"));
		var preview = mvc.perform(post("/admin/billing/import").with(csrf()).with(signedInAs(admin)).param("csv", good)
			.param("action", "preview")).andReturn();
		mvc.perform(get("/admin/billing").with(signedInAs(admin)).flashAttrs(preview.getFlashMap()))
			.andExpect(content().string(allOf(containsString("id=\"import-rows\""), containsString("Scale"),
					containsString("€250.00"), containsString("1 rows: 1 to create, 0 to skip, 0 errors."))));
		assertThat(subscriptions.ofAccount(account.id())).isEmpty();
		mvc.perform(post("/admin/billing/import").with(csrf()).with(signedInAs(admin)).param("csv", good)
			.param("action", "import"))
			.andExpect(flash().attribute("notice", containsString("1 subscriptions created")));
		assertThat(subscriptions.ofAccount(account.id())).hasSize(1);

		mvc.perform(post("/admin/billing/customers/cus_nobodyKnows/map").with(csrf()).with(signedInAs(admin))
			.param("account", String.valueOf(account.id())))
			.andExpect(flash().attribute("error", containsString("cus_nobodyKnows")));
	}
}
