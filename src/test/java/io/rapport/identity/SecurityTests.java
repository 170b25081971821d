package io.rapport.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SecurityTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldStorePasswordsOnlyAsBcryptHashes() {
		Person agent = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomer();

		String agentHash = jdbc.queryForObject("select password_hash from agents where id = ?", String.class, agent.id());
		String customerHash = jdbc.queryForObject("select password_hash from portal_logins where contact_id = ?",
				String.class, customer.id());

		assertThat(agentHash).startsWith("{bcrypt}$2").doesNotContain(Fixtures.PASSWORD);
		assertThat(customerHash).startsWith("{bcrypt}$2").doesNotContain(Fixtures.PASSWORD);
	}

	@Test
	void shouldAuthenticateApiWithBasicOrToken() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");

		mvc.perform(get("/api/v1/me").with(httpBasic(agent.email(), Fixtures.PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.email").value(agent.email()));
		mvc.perform(get("/api/v1/me").header("Authorization", agent.bearer()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("AGENT"));
		mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8"));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer rpt_forged")).andExpect(status().isUnauthorized());
	}

	@Test
	void shouldMintListAndRevokeTokensAndKeepOnlyTheirHash() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		String minted = mvc.perform(post("/api/v1/me/tokens").header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"zapier\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token").value(org.hamcrest.Matchers.startsWith("rpt_")))
			.andReturn().getResponse().getContentAsString();
		String token = com.jayway.jsonpath.JsonPath.read(minted, "$.token");
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(minted, "$.id")).longValue();

		assertThat(jdbc.queryForObject("select count(*) from api_tokens where token_hash = ?", Long.class, token)).isZero();
		mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$[?(@.name == 'zapier')]").exists());

		mvc.perform(delete("/api/v1/me/tokens/" + id).header("Authorization", agent.bearer())).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void shouldThrottleApiSignInFromOneClientButLetTheOwnerInFromAnother() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		for (int i = 0; i < 5; i++) {
			mvc.perform(get("/api/v1/me").with(httpBasic(agent.email(), "wrong-" + i)).with(from("203.0.113.7")))
				.andExpect(status().isUnauthorized());
		}

		mvc.perform(get("/api/v1/me").with(httpBasic(agent.email(), Fixtures.PASSWORD)).with(from("203.0.113.7")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		mvc.perform(get("/api/v1/me").with(httpBasic(agent.email(), Fixtures.PASSWORD)).with(from("198.51.100.20")))
			.andExpect(status().isOk());

		clock.advance(Duration.ofMinutes(16));
		mvc.perform(get("/api/v1/me").with(httpBasic(agent.email(), Fixtures.PASSWORD)).with(from("203.0.113.7")))
			.andExpect(status().isOk());
	}

	@Test
	void shouldThrottlePageSignInButLetTheOwnerInFromAnotherClient() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").param("email", agent.email()).param("password", "nope").with(csrf())
				.with(from("203.0.113.8"))).andExpect(redirectedUrl("/login?error"));
		}

		mvc.perform(post("/login").param("email", agent.email()).param("password", Fixtures.PASSWORD).with(csrf())
			.with(from("203.0.113.8"))).andExpect(redirectedUrl("/login?throttled"));
		mvc.perform(post("/login").param("email", agent.email()).param("password", Fixtures.PASSWORD).with(csrf())
			.with(from("198.51.100.21"))).andExpect(redirectedUrl("/tickets"));
	}

	@Test
	void shouldCountParallelGuessesBeforeCheckingThem() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		int guesses = 12;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(guesses);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < guesses; i++) {
				String password = "wrong-" + i;
				answers.add(pool.submit(() -> {
					start.await();
					return mvc.perform(get("/api/v1/me").with(httpBasic(agent.email(), password))
						.with(from("203.0.113.9"))).andReturn().getResponse().getStatus();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(30, TimeUnit.SECONDS));
			}

			assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
			assertThat(statuses).filteredOn(status -> status == 429).hasSize(guesses - 5);
		}
		finally {
			pool.shutdownNow();
		}
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void shouldSignInAgentsToWorkspaceAndCustomersToPortal() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomer();

		mvc.perform(post("/login").param("email", agent.email()).param("password", Fixtures.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/tickets"));
		mvc.perform(post("/login").param("email", customer.email()).param("password", Fixtures.PASSWORD)
			.param("origin", "portal").with(csrf()))
			.andExpect(redirectedUrl("/portal"));
		mvc.perform(post("/login").param("email", customer.email()).param("password", "bad").param("origin", "portal")
			.with(csrf()))
			.andExpect(redirectedUrl("/portal/login?error"));
	}

	@Test
	void shouldRequireCsrfTokenOnEveryForm() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");

		mvc.perform(post("/login").param("email", agent.email()).param("password", Fixtures.PASSWORD))
			.andExpect(status().isForbidden());
		mvc.perform(post("/logout")).andExpect(status().isForbidden());
	}

	@Test
	void shouldKeepAgentPagesFromCustomersAndAdminPagesFromAgents() throws Exception {
		mvc.perform(get("/tickets")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/portal")).andExpect(redirectedUrl("/portal/login"));
	}

	@Test
	void shouldReserveAgentAdministrationForAdmins() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomer();
		String newAgent = """
				{"email": "new-%d@rapport.test", "name": "New", "password": "long-enough-pw", "role": "AGENT", "groups": ["tier2"]}"""
			.formatted(System.nanoTime());

		mvc.perform(post("/api/v1/agents").header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(newAgent)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/agents").header("Authorization", customer.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(newAgent)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/agents").header("Authorization", fixtures.anAdmin().bearer())
			.contentType(MediaType.APPLICATION_JSON).content(newAgent))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.groups[0]").value("tier2"))
			.andExpect(jsonPath("$.password").doesNotExist());
		mvc.perform(post("/api/v1/agents").header("Authorization", fixtures.anAdmin().bearer())
			.contentType(MediaType.APPLICATION_JSON).content(newAgent.replace("tier2", "nope").replace("new-", "other-")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("groups[0]"));
	}

	@Test
	void shouldListTheThreeTiersFromTheStart() throws Exception {
		mvc.perform(get("/api/v1/groups").header("Authorization", fixtures.anAgentIn("tier1").bearer()))
			.andExpect(jsonPath("$[0].key").value("tier1"))
			.andExpect(jsonPath("$[0].name").value("Tier 1 – Customer Advocates"))
			.andExpect(jsonPath("$[1].key").value("tier2"))
			.andExpect(jsonPath("$[2].key").value("sales"));
	}
}
