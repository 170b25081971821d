package io.rapport.identity.internal;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An agent's own page: settings that the workspace follows, a password change that needs the old one, tokens. */
class ProfilePageTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Agents agents;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void shouldShowTheWorkspaceInTheAgentsLanguageAndTimeZone() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = fixtures.aTicket();
		mvc.perform(get("/tickets/" + ticket.id()).with(signedInAs(agent)).header("Accept-Language", "ro"))
			.andExpect(header().string("Content-Language", "ro"))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("2026-03-02 09:00 UTC"));

		mvc.perform(post("/profile").param("name", "Wei Zhang").param("language", "zh")
			.param("timeZone", "Asia/Shanghai").with(csrf()).with(signedInAs(agent)))
			.andExpect(redirectedUrl("/profile"));

		MvcResult page = mvc.perform(get("/tickets/" + ticket.id()).with(signedInAs(agent))
			.header("Accept-Language", "ro")).andExpect(status().isOk()).andReturn();
		assertThat(page.getResponse().getHeader("Content-Language")).isEqualTo("zh");
		assertThat(page.getResponse().getContentAsString()).contains("2026-03-02 17:00 Asia/Shanghai");
		assertThat(agents.findById(agent.id()).orElseThrow().getName()).isEqualTo("Wei Zhang");
		assertThat(mvc.perform(get("/profile").with(signedInAs(agent))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains("<option value=\"Asia/Shanghai\" selected=\"selected\"");
	}

	@Test
	void shouldRefuseALanguageOrZoneNotOffered() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		mvc.perform(post("/profile").param("name", "Ana").param("language", "de").with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/profile").param("name", "Ana").param("timeZone", "Mars/Olympus").with(csrf())
			.with(signedInAs(agent))).andExpect(status().isBadRequest());
	}

	@Test
	void shouldChangeThePasswordOnlyWithTheCurrentOne() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		String page = mvc.perform(post("/profile/password").param("currentPassword", "not-my-password")
			.param("newPassword", "a-new-long-password").with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("That is not your current password.");
		mvc.perform(post("/profile/password").param("currentPassword", Fixtures.PASSWORD).param("newPassword", "short")
			.with(csrf()).with(signedInAs(agent))).andExpect(status().isBadRequest());
		assertThat(passwords.matches(Fixtures.PASSWORD, hashOf(agent))).isTrue();

		mvc.perform(post("/profile/password").param("currentPassword", Fixtures.PASSWORD)
			.param("newPassword", "a-new-long-password").with(csrf()).with(signedInAs(agent)))
			.andExpect(redirectedUrl("/profile"));
		assertThat(passwords.matches("a-new-long-password", hashOf(agent))).isTrue();
	}

	@Test
	void shouldMintATokenThatWorksAndRevokeIt() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		MvcResult minted = mvc.perform(post("/profile/tokens").param("tokenName", "CI pipeline").with(csrf())
			.with(signedInAs(agent))).andExpect(redirectedUrl("/profile#tokens")).andReturn();
		TokenService.MintedToken token = (TokenService.MintedToken) minted.getFlashMap().get("minted");

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.token())).andExpect(status().isOk());
		assertThat(mvc.perform(get("/profile").with(signedInAs(agent))).andReturn().getResponse()
			.getContentAsString()).contains("CI pipeline").doesNotContain(token.token());

		mvc.perform(post("/profile/tokens/{id}/revoke", token.id()).with(csrf()).with(signedInAs(agent)))
			.andExpect(redirectedUrl("/profile#tokens"));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.token()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void shouldNotRevokeAnotherAgentsToken() throws Exception {
		Person owner = fixtures.anAgentIn("tier1");
		MvcResult minted = mvc.perform(post("/profile/tokens").param("tokenName", "Mine").with(csrf())
			.with(signedInAs(owner))).andReturn();
		TokenService.MintedToken token = (TokenService.MintedToken) minted.getFlashMap().get("minted");

		mvc.perform(post("/profile/tokens/{id}/revoke", token.id()).with(csrf())
			.with(signedInAs(fixtures.anAgentIn("tier1"))));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.token())).andExpect(status().isOk());
	}

	private String hashOf(Person agent) {
		return agents.findById(agent.id()).orElseThrow().getPasswordHash();
	}
}
