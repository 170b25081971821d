package io.rapport.identity;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.rapport.identity.SecurityTests.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Forwarded headers count only from a trusted proxy (loopback by default, {@code rapport.trusted-proxies}). */
class ProxyTrustTests extends IntegrationTest {

	static final String PROXY = "127.0.0.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldRedirectWithTheSchemeAndHostTheTrustedProxyReports() throws Exception {
		assertThat(pageAfterSignIn(PROXY)).startsWith("https://support.example.com/tickets");
	}

	@Test
	void shouldIgnoreForwardedHeadersFromAnyoneElse() throws Exception {
		assertThat(pageAfterSignIn("203.0.113.60")).startsWith("http://localhost/tickets");
	}

	/** Asks for a page signed out, signs in, and answers where the sign-in sends the browser back to. */
	private String pageAfterSignIn(String peer) throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		MockHttpSession session = new MockHttpSession();
		mvc.perform(forwarded(get("/tickets"), "198.51.100.40").with(from(peer)).session(session))
			.andExpect(redirectedUrl("/login"));
		return mvc.perform(forwarded(post("/login"), "198.51.100.40").with(from(peer)).session(session).with(csrf())
			.param("email", agent.email()).param("password", Fixtures.PASSWORD))
			.andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void shouldThrottleTheClientBehindTheProxyNotTheProxy() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		for (int i = 0; i < 5; i++) {
			mvc.perform(forwarded(get("/api/v1/me"), "198.51.100.42").with(from(PROXY))
				.with(httpBasic(agent.email(), "wrong-" + i))).andExpect(status().isUnauthorized());
		}

		mvc.perform(forwarded(get("/api/v1/me"), "198.51.100.42").with(from(PROXY))
			.with(httpBasic(agent.email(), Fixtures.PASSWORD))).andExpect(status().isTooManyRequests());
		mvc.perform(forwarded(get("/api/v1/me"), "198.51.100.43").with(from(PROXY))
			.with(httpBasic(agent.email(), Fixtures.PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void shouldNotLetAClientForgeItsAddressPastTheThrottle() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		for (int i = 0; i < 5; i++) {
			mvc.perform(forwarded(get("/api/v1/me"), "198.51.100." + (50 + i)).with(from("203.0.113.61"))
				.with(httpBasic(agent.email(), "wrong-" + i))).andExpect(status().isUnauthorized());
		}

		mvc.perform(forwarded(get("/api/v1/me"), "198.51.100.99").with(from("203.0.113.61"))
			.with(httpBasic(agent.email(), Fixtures.PASSWORD))).andExpect(status().isTooManyRequests());
		mvc.perform(forwarded(get("/api/v1/me"), "198.51.100.98, 203.0.113.61").with(from(PROXY))
			.with(httpBasic(agent.email(), Fixtures.PASSWORD))).andExpect(status().isTooManyRequests());
	}

	private static MockHttpServletRequestBuilder forwarded(MockHttpServletRequestBuilder request, String client) {
		return request.header("X-Forwarded-For", client)
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "support.example.com");
	}
}
