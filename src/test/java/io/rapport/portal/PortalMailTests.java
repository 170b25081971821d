package io.rapport.portal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.PortalAccounts;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
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

/**
 * The portal's mails as they reach the outbox when mail can go out: the verification link after sign-up (also
 * for an address with tickets already), the reset link, and the invitation, each with a link that works.
 */
class PortalMailTests extends IntegrationTest {

	private static final String PASSWORD = "a-long-enough-password";

	private static final Pattern LINK = Pattern.compile("https?://\\S+?(/portal/(?:verify|reset|invitation)/[A-Za-z0-9_.\\-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	MailState mailState;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountsApi accounts;

	@Autowired
	TicketsApi tickets;

	@Autowired
	PortalAccounts portalAccounts;

	@Autowired
	ResetThrottle throttle;

	@Autowired
	Fixtures fixtures;

	@BeforeEach
	void withMail() {
		mailState.withMail();
	}

	@AfterEach
	void restore() {
		mailState.restore();
		throttle.reset();
	}

	@Test
	void shouldMailAVerificationLinkThatClaimsTheAddressAndItsTickets() throws Exception {
		String email = Fixtures.uniqueEmail("farida", "cairo.example");
		TicketView earlier = tickets.create(new NewTicket("Refund for March", "We were charged twice.",
				new NewTicket.Requester(email, "Farida Hassan"), null, null, null, List.of()),
				fixtures.anAgentIn("tier1").user());

		String page = mvc.perform(post("/portal/signup").with(csrf()).param("name", "Farida Hassan")
			.param("email", email).param("password", PASSWORD)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Check your mail", email);
		assertThat(portalAccounts.state(email)).isEqualTo(PortalAccounts.LoginState.UNVERIFIED);

		String link = linkIn(email, "/portal/verify/");
		MvcResult verified = mvc.perform(post(link).with(csrf()).param("password", PASSWORD))
			.andExpect(redirectedUrl("/portal?welcome")).andReturn();
		assertThat(mvc.perform(get("/portal").session((MockHttpSession) verified.getRequest().getSession()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Refund for March");
		assertThat(accounts.contactByEmail(email).map(ContactView::id)).contains(earlier.requester().id());
	}

	@Test
	void shouldMailAResetLinkToAKnownAddressOnly() throws Exception {
		Fixtures.Person known = fixtures.aCustomer();
		String unknown = Fixtures.uniqueEmail("nobody", "unknown.example");
		mvc.perform(post("/portal/forgot").with(csrf()).param("email", known.email())).andExpect(status().isOk());
		mvc.perform(post("/portal/forgot").with(csrf()).param("email", unknown)).andExpect(status().isOk());
		assertThat(mailsTo(unknown)).isEmpty();

		String link = linkIn(known.email(), "/portal/reset/");
		mvc.perform(post(link).with(csrf()).param("password", "my-new-password-2"))
			.andExpect(redirectedUrl("/portal?passwordReset"));
		mvc.perform(post(link).with(csrf()).param("password", "my-new-password-3")).andExpect(status().isGone());
	}

	@Test
	void shouldMailAnInvitationAndSaySo() throws Exception {
		ContactView contact = accounts.findOrCreateContact(Fixtures.uniqueEmail("bjorn", "fjord.example"), "Bjørn Berg");
		String page = mvc.perform(post("/contacts/" + contact.id() + "/invitation").with(csrf())
			.with(signedInAs(fixtures.anAgentIn("tier1")))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Sent by mail to " + contact.email());

		String link = linkIn(contact.email(), "/portal/invitation/");
		mvc.perform(get(link)).andExpect(status().isOk());
	}

	private List<String> mailsTo(String email) {
		return jdbc.queryForList("select body_text from outbound_mails where to_addresses like ? order by id",
				String.class, "%" + email + "%");
	}

	private String linkIn(String email, String path) {
		for (String body : mailsTo(email)) {
			Matcher matcher = LINK.matcher(body);
			while (matcher.find()) {
				if (matcher.group(1).startsWith(path)) {
					return matcher.group(1);
				}
			}
		}
		throw new AssertionError("No mail to " + email + " with a link to " + path + ": " + mailsTo(email));
	}
}
