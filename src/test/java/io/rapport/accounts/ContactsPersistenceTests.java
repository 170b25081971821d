package io.rapport.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ContactsPersistenceTests extends IntegrationTest {

	@Autowired
	AccountsApi accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldGiveConcurrentFirstContactsFromOneAddressTheSameContact() throws Exception {
		String email = "race-" + System.nanoTime() + "@example.org";
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<ContactView>> calls = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				calls.add(() -> accounts.findOrCreateContact(email.toUpperCase(), "Racer"));
			}
			List<Long> ids = new ArrayList<>();
			for (Future<ContactView> result : pool.invokeAll(calls)) {
				ids.add(result.get().id());
			}

			assertThat(ids).containsOnly(ids.get(0));
			assertThat(jdbc.queryForObject("select count(*) from contacts where email = ?", Long.class, email)).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void shouldJoinExistingAccountlessContactsWhenTheirDomainGetsAnAccount() {
		String domain = "later-" + System.nanoTime() + ".example";
		ContactView early = accounts.findOrCreateContact("early@" + domain, null);
		assertThat(early.accountId()).isNull();

		AccountView account = accounts.createAccount(new NewAccount("Later Inc", domain, null));

		assertThat(accounts.contact(early.id()).orElseThrow().accountId()).isEqualTo(account.id());
		assertThat(accounts.findOrCreateContact("new@" + domain.toUpperCase(), "New").accountId()).isEqualTo(account.id());
	}
}
