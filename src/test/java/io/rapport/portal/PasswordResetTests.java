package io.rapport.portal;

import java.time.Duration;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactFactRecorded;
import io.rapport.accounts.ContactView;
import io.rapport.identity.PortalAccounts;
import io.rapport.identity.PortalTokens;
import io.rapport.identity.PortalTokens.Purpose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Forgot password": one neutral answer for every address, limits per address and per client, a dated fact on the
 * contact for each request let through, and a link that works once, for an hour.
 */
@RecordApplicationEvents
class PasswordResetTests extends IntegrationTest {

	private static final String NEW_PASSWORD = "a-brand-new-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsApi accounts;

	@Autowired
	PortalAccounts portalAccounts;

	@Autowired
	PortalTokens tokens;

	@Autowired
	ResetThrottle throttle;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void forgetRequests() {
		throttle.reset();
	}

	@Test
	void shouldAnswerTheSameForKnownAndUnknownAddressesAndRecordTheRequest() throws Exception {
		Fixtures.Person known = fixtures.aCustomer();
		String forKnown = forgot(known.email(), "203.0.113.7");
		String forUnknown = forgot(Fixtures.uniqueEmail("nobody", "unknown.example"), "203.0.113.7");
		assertThat(withoutCsrf(forKnown)).isEqualTo(withoutCsrf(forUnknown)).contains("If we know this address");

		assertThat(accounts.factCount(known.id(), PasswordResets.FACT, START)).isEqualTo(1);
		assertThat(events.stream(ContactFactRecorded.class))
			.containsExactly(new ContactFactRecorded(known.id(), PasswordResets.FACT, START));
	}

	@Test
	void shouldLimitRequestsPerAddressWithTheSameAnswer() throws Exception {
		Fixtures.Person known = fixtures.aCustomer();
		for (int i = 0; i < ResetThrottle.PER_ADDRESS; i++) {
			forgot(known.email(), "198.51.100." + i);
		}
		assertThat(forgot(known.email(), "198.51.100.99")).contains("If we know this address");
		assertThat(accounts.factCount(known.id(), PasswordResets.FACT, START)).isEqualTo(ResetThrottle.PER_ADDRESS);

		clock.advance(ResetThrottle.WINDOW);
		forgot(known.email(), "198.51.100.99");
		assertThat(accounts.factCount(known.id(), PasswordResets.FACT, START)).isEqualTo(ResetThrottle.PER_ADDRESS + 1);
	}

	@Test
	void shouldLimitRequestsPerClient() throws Exception {
		for (int i = 0; i < ResetThrottle.PER_CLIENT; i++) {
			forgot(Fixtures.uniqueEmail("walker", "list.example"), "192.0.2.44");
		}
		Fixtures.Person known = fixtures.aCustomer();
		assertThat(forgot(known.email(), "192.0.2.44")).contains("If we know this address");
		assertThat(accounts.factCount(known.id(), PasswordResets.FACT, START)).isZero();
		forgot(known.email(), "192.0.2.45");
		assertThat(accounts.factCount(known.id(), PasswordResets.FACT, START)).isEqualTo(1);
	}

	@Test
	void shouldSetANewPasswordOnceWithTheLinkAndSignIn() throws Exception {
		Fixtures.Person known = fixtures.aCustomer();
		String link = "/portal/reset/" + tokens.issue(Purpose.RESET, known.id(), known.email());
		assertThat(mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains(known.email());

		mvc.perform(post(link).with(csrf()).param("password", "short")).andExpect(status().isBadRequest());
		MvcResult done = mvc.perform(post(link).with(csrf()).param("password", NEW_PASSWORD))
			.andExpect(redirectedUrl("/portal?passwordReset")).andReturn();
		mvc.perform(get("/portal").session((MockHttpSession) done.getRequest().getSession()))
			.andExpect(status().isOk());

		mvc.perform(post(link).with(csrf()).param("password", "yet-another-password")).andExpect(status().isGone());
		mvc.perform(portalLogin(known.email(), Fixtures.PASSWORD)).andExpect(redirectedUrl("/portal/login?error"));
		mvc.perform(portalLogin(known.email(), NEW_PASSWORD)).andExpect(redirectedUrl("/portal"));
	}

	@Test
	void shouldRefuseAResetLinkAfterAnHour() throws Exception {
		Fixtures.Person known = fixtures.aCustomer();
		String link = "/portal/reset/" + tokens.issue(Purpose.RESET, known.id(), known.email());
		clock.advance(Duration.ofMinutes(59));
		mvc.perform(get(link)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(1));
		mvc.perform(get(link)).andExpect(status().isGone());
		mvc.perform(post(link).with(csrf()).param("password", NEW_PASSWORD)).andExpect(status().isGone());
	}

	@Test
	void shouldLetAResetLinkProveAnUnverifiedOrMissingLogin() throws Exception {
		String email = Fixtures.uniqueEmail("tamar", "negev.example");
		ContactView contact = accounts.findOrCreateContact(email, "Tamar Cohen");
		assertThat(portalAccounts.state(email)).isEqualTo(PortalAccounts.LoginState.NONE);
		mvc.perform(post("/portal/reset/" + tokens.issue(Purpose.RESET, contact.id(), email)).with(csrf())
			.param("password", NEW_PASSWORD)).andExpect(redirectedUrl("/portal?passwordReset"));
		assertThat(portalAccounts.state(email)).isEqualTo(PortalAccounts.LoginState.VERIFIED);
	}

	private String forgot(String email, String client) throws Exception {
		MockHttpServletRequestBuilder request = post("/portal/forgot").with(csrf()).param("email", email)
			.with(r -> {
				r.setRemoteAddr(client);
				return r;
			});
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static String withoutCsrf(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("content=\"[A-Za-z0-9_-]{20,}\"", "");
	}

	private MockHttpServletRequestBuilder portalLogin(String email, String password) {
		return post("/login").with(csrf()).param("email", email).param("password", password).param("origin", "portal");
	}
}
