package io.rapport.portal;

import java.time.Duration;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.PortalAccounts;
import io.rapport.identity.PortalTokens;
import io.rapport.identity.PortalTokens.Purpose;
import io.rapport.shared.ConflictException;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The address behind a portal sign-up is proven by a mailed link: until then the password does not sign in; the
 * link works once, for 24 hours, only with the password chosen; and once proven, the contact's earlier tickets are
 * the customer's.
 */
class PortalVerificationTests extends IntegrationTest {

	private static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsApi accounts;

	@Autowired
	PortalAccounts portalAccounts;

	@Autowired
	PortalTokens tokens;

	@Autowired
	TicketsApi tickets;

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldNotSignInBeforeTheAddressIsVerified() throws Exception {
		ContactView contact = unverifiedSignUp("Amaru Quispe", Fixtures.uniqueEmail("amaru", "andes.example"));
		mvc.perform(portalLogin(contact.email(), PASSWORD)).andExpect(redirectedUrl("/portal/login?unverified"));
		mvc.perform(portalLogin(contact.email(), "not-the-password")).andExpect(redirectedUrl("/portal/login?error"));
		assertThat(mvc.perform(get("/portal/login").param("unverified", "")).andReturn().getResponse()
			.getContentAsString()).contains("Confirm your address first", "Send the link again");
	}

	@Test
	void shouldVerifyOnceWithTheChosenPasswordAndThenSignIn() throws Exception {
		ContactView contact = unverifiedSignUp("Sipho Ndlovu", Fixtures.uniqueEmail("sipho", "kapa.example"));
		String link = "/portal/verify/" + tokens.issue(Purpose.VERIFY, contact.id(), contact.email());

		assertThat(mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains(contact.email());
		mvc.perform(post(link).with(csrf()).param("password", "a-stranger-guesses")).andExpect(status().isBadRequest());
		assertThat(portalAccounts.state(contact.email())).isEqualTo(PortalAccounts.LoginState.UNVERIFIED);

		MvcResult verified = mvc.perform(post(link).with(csrf()).param("password", PASSWORD))
			.andExpect(redirectedUrl("/portal?welcome")).andReturn();
		mvc.perform(get("/portal").session((MockHttpSession) verified.getRequest().getSession()))
			.andExpect(status().isOk());
		assertThat(portalAccounts.state(contact.email())).isEqualTo(PortalAccounts.LoginState.VERIFIED);

		mvc.perform(get(link)).andExpect(status().isGone());
		mvc.perform(post(link).with(csrf()).param("password", PASSWORD)).andExpect(status().isGone());
		mvc.perform(portalLogin(contact.email(), PASSWORD)).andExpect(redirectedUrl("/portal"));
	}

	@Test
	void shouldRefuseAVerificationLinkAfter24Hours() throws Exception {
		ContactView contact = unverifiedSignUp("Noa Levi", Fixtures.uniqueEmail("noa", "galil.example"));
		String link = "/portal/verify/" + tokens.issue(Purpose.VERIFY, contact.id(), contact.email());
		clock.advance(Duration.ofHours(24).minusMinutes(1));
		mvc.perform(get(link)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(1));
		mvc.perform(get(link)).andExpect(status().isGone());
		mvc.perform(post(link).with(csrf()).param("password", PASSWORD)).andExpect(status().isGone());
		assertThat(portalAccounts.state(contact.email())).isEqualTo(PortalAccounts.LoginState.UNVERIFIED);
	}

	@Test
	void shouldNotAcceptAResetLinkAsAVerificationLinkNorAnAlteredOne() throws Exception {
		ContactView contact = unverifiedSignUp("Aiyana Redcloud", Fixtures.uniqueEmail("aiyana", "plains.example"));
		String reset = tokens.issue(Purpose.RESET, contact.id(), contact.email());
		mvc.perform(get("/portal/verify/" + reset)).andExpect(status().isGone());
		String verify = tokens.issue(Purpose.VERIFY, contact.id(), contact.email());
		mvc.perform(get("/portal/verify/" + verify.substring(0, verify.length() - 2) + "xx"))
			.andExpect(status().isGone());
	}

	@Test
	void shouldGiveAVerifiedCustomerTheTicketsTheirAddressAlreadyHad() throws Exception {
		String email = Fixtures.uniqueEmail("oluwaseun", "lagos.example");
		TicketView earlier = tickets.create(new NewTicket("Invoice copy", "Please send the March invoice again.",
				new NewTicket.Requester(email, "Oluwaseun Adeyemi"), null, null, null, List.of()),
				fixtures.anAgentIn("tier1").user());
		ContactView contact = accounts.contactByEmail(email).orElseThrow();

		portalAccounts.register(contact.id(), email, "Oluwaseun Adeyemi", PASSWORD);
		String link = "/portal/verify/" + tokens.issue(Purpose.VERIFY, contact.id(), email);
		MvcResult verified = mvc.perform(post(link).with(csrf()).param("password", PASSWORD))
			.andExpect(redirectedUrl("/portal?welcome")).andReturn();

		MockHttpSession session = (MockHttpSession) verified.getRequest().getSession();
		assertThat(mvc.perform(get("/portal/tickets/" + earlier.id()).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("Invoice copy");
		assertThat(tickets.get(earlier.id(), AuthenticatedUser.contact(contact.id(), email, "Oluwaseun Adeyemi"))
			.subject()).isEqualTo("Invoice copy");
	}

	@Test
	void shouldLetANewSignUpReplaceAnUnverifiedPasswordButNotAVerifiedOne() {
		ContactView contact = unverifiedSignUp("Mele Tupou", Fixtures.uniqueEmail("mele", "tonga.example"));
		portalAccounts.register(contact.id(), contact.email(), "Mele Tupou", "the-owner-chose-this");
		assertThat(portalAccounts.verify(contact.id(), PASSWORD)).isFalse();
		assertThat(portalAccounts.verify(contact.id(), "the-owner-chose-this")).isTrue();
		assertThatThrownBy(() -> portalAccounts.register(contact.id(), contact.email(), "Someone", PASSWORD))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void shouldAnswerAResendTheSameForAnyAddress() throws Exception {
		ContactView contact = unverifiedSignUp("Ilse Jansen", Fixtures.uniqueEmail("ilse", "polder.example"));
		mvc.perform(post("/portal/verify/resend").with(csrf()).param("email", contact.email()))
			.andExpect(redirectedUrl("/portal/login?resent"));
		mvc.perform(post("/portal/verify/resend").with(csrf()).param("email", "nobody@nowhere.example"))
			.andExpect(redirectedUrl("/portal/login?resent"));
	}

	private ContactView unverifiedSignUp(String name, String email) {
		ContactView contact = accounts.findOrCreateContact(email, name);
		portalAccounts.register(contact.id(), email, name, PASSWORD);
		return contact;
	}

	private MockHttpServletRequestBuilder portalLogin(String email, String password) {
		return post("/login").with(csrf()).param("email", email).param("password", password).param("origin", "portal");
	}
}
