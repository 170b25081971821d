package io.rapport.accounts.internal;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.identity.IdentityApi;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccountAdminPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	IdentityApi identity;

	@Test
	void shouldCreateAnAccountAndListItsContacts() throws Exception {
		Person admin = fixtures.anAdmin();
		String domain = "globex" + System.nanoTime() + ".example";
		mvc.perform(post("/admin/accounts/new").param("name", "Globex").param("domain", domain).with(csrf())
			.with(signedInAs(admin)))
			.andExpect(status().isFound());
		var account = accounts.searchAccounts(domain, 0, 5).items().get(0);

		mvc.perform(post("/admin/contacts/new").param("email", "hank@" + domain).param("name", "Hank")
			.param("accountId", "").param("password", "portal-password-1").with(csrf()).with(signedInAs(admin)))
			.andExpect(status().isFound());

		var contact = accounts.contactByEmail("hank@" + domain).orElseThrow();
		assertThat(contact.accountId()).isEqualTo(account.id());
		assertThat(identity.hasPortalLogin(contact.id())).isTrue();
		mvc.perform(get("/admin/accounts/{id}", account.id()).with(signedInAs(admin)))
			.andExpect(content().string(containsString("hank@" + domain)));
	}

	@Test
	void shouldShowAnInvalidDomainBesideTheField() throws Exception {
		mvc.perform(post("/admin/accounts/new").param("name", "Initech").param("domain", "not a domain")
			.with(csrf()).with(signedInAs(fixtures.anAdmin())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("must be a domain name")));
	}

	@Test
	void shouldSearchContactsAndEscapeTheirNames() throws Exception {
		Person admin = fixtures.anAdmin();
		String email = "eve-" + System.nanoTime() + "@example.org";
		mvc.perform(post("/admin/contacts/new").param("email", email).param("name", "<script>alert(1)</script>")
			.with(csrf()).with(signedInAs(admin)))
			.andExpect(status().isFound());

		mvc.perform(get("/admin/contacts").param("q", email).with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(email)))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void shouldRefuseAShortPortalPassword() throws Exception {
		Person admin = fixtures.anAdmin();
		var contact = fixtures.aCustomer();
		mvc.perform(post("/admin/contacts/{id}", contact.id()).param("name", "Renamed").param("password", "short")
			.with(csrf()).with(signedInAs(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at least 10 characters")));
	}
}
