package io.rapport.activity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.identity.SignIns;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rapport's own facts land in the account's rollups with no client: sign-ins, password resets, tickets. */
class RapportFactsTests extends IntegrationTest {

	static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	Fixtures fixtures;

	@Autowired
	ActivityApi activity;

	@Autowired
	SignIns signIns;

	@Autowired
	AccountsApi accounts;

	@Autowired
	TicketsApi tickets;

	long count(long accountId, String event) {
		LocalDate today = LocalDate.ofInstant(START, ZoneOffset.UTC);
		return activity.usage(accountId, today.minusDays(1), today, event).stream().mapToLong(DailyUsage::count)
			.sum();
	}

	@Test
	void shouldCountACustomersSignInsResetsAndTicketsForTheirAccount() {
		AccountView account = fixtures.anAccount();
		Person customer = fixtures.aCustomerOf(account.id());

		signIns.signedIn(customer.user());
		accounts.recordFact(customer.id(), "PASSWORD_RESET_REQUESTED", clock.instant());
		tickets.create(new NewTicket("Cannot export", "The export button does nothing.", null, null, null, null,
				List.of()), customer.user());

		await().atMost(PATIENCE).until(() -> count(account.id(), "Signed In") == 1
				&& count(account.id(), "Password Reset Requested") == 1 && count(account.id(), "Ticket Opened") == 1);
		List<DailyUsage> signedIn = activity.usage(account.id(), LocalDate.ofInstant(START, ZoneOffset.UTC),
				LocalDate.ofInstant(START, ZoneOffset.UTC), "Signed In");
		assertThat(signedIn).singleElement().extracting(DailyUsage::users).isEqualTo(1L);
	}
}
