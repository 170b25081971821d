package io.rapport.demo;

import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewAccount;
import io.rapport.accounts.SubscriptionsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's Stripe events: a customer mapped by domain, a paid invoice, an ignored type, one customer to map. */
class DemoBillingTests extends IntegrationTest {

	@Autowired
	DemoBilling demo;

	@Autowired
	AccountsApi accounts;

	@Autowired
	SubscriptionsApi subscriptions;

	@Test
	void shouldRecordTheEventsWithoutTouchingRevenue() {
		AccountView northwind = accounts.accountByDomain("northwind-logistics.example")
			.orElseGet(() -> accounts.createAccount(new NewAccount("Northwind Logistics", "northwind-logistics.example", null)));
		assertThat(demo.record()).containsExactly("APPLIED", "RECORDED", "IGNORED", "UNMAPPED", "UNMAPPED");
		assertThat(subscriptions.ofAccount(northwind.id())).isEmpty();
		assertThat(demo.record()).containsOnly("DUPLICATE");
	}
}
