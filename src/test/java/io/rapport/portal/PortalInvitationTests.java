package io.rapport.portal;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.accounts.NewContact;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.PortalInvitations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Portal access by invitation: single-use links that expire, bound to their contact, one by one or a whole account. */
class PortalInvitationTests extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("/portal/invitation/([A-Za-z0-9_-]{43})");

	private static final String PASSWORD = "invited-password-1";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	IdentityApi identity;

	@Autowired
	PortalInvitations invitations;

	@AfterEach
	void resetClock() {
		clock.set(START);
	}

	@Test
	void shouldLetAnInvitedContactChooseAPasswordOnceAndSignIn() throws Exception {
		ContactView contact = aContact(null);
		String page = mvc.perform(post("/contacts/{id}/invitation", contact.id()).with(csrf())
			.with(signedInAs(fixtures.anAgentIn("tier1")))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String token = tokensIn(page).get(0);

		assertThat(mvc.perform(get("/portal/invitation/" + token)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains(contact.email());
		MvcResult accepted = mvc.perform(post("/portal/invitation/" + token).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/portal?welcome")).andReturn();
		mvc.perform(get("/portal").session((MockHttpSession) accepted.getRequest().getSession(false)))
			.andExpect(status().isOk());

		mvc.perform(post("/portal/invitation/" + token).param("password", "another-password-2").with(csrf()))
			.andExpect(status().isGone());
		assertThat(mvc.perform(get("/portal/invitation/" + token)).andExpect(status().isGone()).andReturn()
			.getResponse().getContentAsString()).contains("This invitation has been used already.");
		assertThat(identity.hasPortalLogin(contact.id())).isTrue();
	}

	@Test
	void shouldRefuseAnExpiredLink() throws Exception {
		ContactView contact = aContact(null);
		String token = invitations.invite(contact.id(), contact.email(), contact.name(), fixtures.anAdmin().user())
			.token();

		clock.advance(PortalInvitations.VALID_FOR.minus(Duration.ofMinutes(1)));
		mvc.perform(get("/portal/invitation/" + token)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(1));
		assertThat(mvc.perform(get("/portal/invitation/" + token)).andExpect(status().isGone()).andReturn()
			.getResponse().getContentAsString()).contains("This invitation has expired.");
		mvc.perform(post("/portal/invitation/" + token).param("password", PASSWORD).with(csrf()))
			.andExpect(status().isGone());
		assertThat(identity.hasPortalLogin(contact.id())).isFalse();
	}

	@Test
	void shouldBindALinkToItsContactAndKeepOnlyTheLatest() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		ContactView ana = aContact(null);
		ContactView ben = aContact(null);
		String first = invitations.invite(ana.id(), ana.email(), ana.name(), agent.user()).token();
		String latest = invitations.invite(ana.id(), ana.email(), ana.name(), agent.user()).token();
		invitations.invite(ben.id(), ben.email(), ben.name(), agent.user());

		assertThat(mvc.perform(post("/portal/invitation/" + first).param("password", PASSWORD).with(csrf()))
			.andExpect(status().isGone()).andReturn().getResponse().getContentAsString()).contains("newer invitation");
		mvc.perform(post("/portal/invitation/" + latest).param("password", "short").with(csrf()))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/portal/invitation/" + latest).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/portal?welcome"));
		mvc.perform(post("/portal/invitation/" + latest).param("password", PASSWORD).with(csrf()))
			.andExpect(status().isGone());
		mvc.perform(get("/portal/invitation/" + latest.substring(1) + "A")).andExpect(status().isNotFound());

		assertThat(identity.hasPortalLogin(ana.id())).isTrue();
		assertThat(identity.hasPortalLogin(ben.id())).isFalse();
	}

	@Test
	void shouldInviteEveryContactOfAnAccountWhoCannotSignInYet() throws Exception {
		AccountView account = fixtures.anAccount();
		ContactView one = aContact(account.id());
		ContactView two = aContact(account.id());
		Person member = fixtures.aCustomerOf(account.id());

		String page = mvc.perform(post("/accounts/{id}/invitations", account.id()).with(csrf())
			.with(signedInAs(fixtures.anAdmin()))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(tokensIn(page)).hasSize(2);
		assertThat(page).contains(one.email(), two.email()).doesNotContain(member.email());
		for (String token : tokensIn(page)) {
			mvc.perform(post("/portal/invitation/" + token).param("password", PASSWORD).with(csrf()))
				.andExpect(redirectedUrl("/portal?welcome"));
		}
		assertThat(identity.hasPortalLogin(one.id()) && identity.hasPortalLogin(two.id())).isTrue();
	}

	@Test
	void shouldLetAnAgentInviteFromTheAccountPageTheyCanOpen() throws Exception {
		AccountView account = fixtures.anAccount();
		ContactView contact = aContact(account.id());
		Person agent = fixtures.anAgentIn("tier1");

		String accountPage = mvc.perform(get("/accounts/{id}", account.id()).with(signedInAs(agent)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(accountPage).contains("/accounts/" + account.id() + "/invitations",
				"/contacts/" + contact.id() + "/invitation");

		String page = mvc.perform(post("/contacts/{id}/invitation", contact.id()).with(csrf())
			.with(signedInAs(agent))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(tokensIn(page)).hasSize(1);
		assertThat(page).contains("href=\"/accounts/" + account.id() + "\"").doesNotContain("/admin/contacts/");
	}

	@Test
	void shouldNotLetCustomersInvite() throws Exception {
		ContactView contact = aContact(null);
		mvc.perform(post("/contacts/{id}/invitation", contact.id()).with(csrf())
			.with(signedInAs(fixtures.aCustomer()))).andExpect(status().isForbidden());
	}

	private ContactView aContact(Long accountId) {
		String email = "invitee-" + System.nanoTime() + "@example.org";
		return accounts.createContact(new NewContact(email, "Invitee " + email.hashCode(), accountId, null));
	}

	private static List<String> tokensIn(String page) {
		Matcher matcher = LINK.matcher(page);
		List<String> tokens = new java.util.ArrayList<>();
		while (matcher.find()) {
			tokens.add(matcher.group(1));
		}
		return tokens;
	}
}
