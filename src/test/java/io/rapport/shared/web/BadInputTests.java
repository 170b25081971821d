package io.rapport.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input is the caller's mistake: a 4xx that names the field, never a 500 (on H2 and PostgreSQL). */
class BadInputTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldRefuseNulInAnyJsonStringNamingTheField() throws Exception {
		String agent = fixtures.anAgentIn("tier1").bearer();

		mvc.perform(post("/api/v1/tickets").header("Authorization", agent).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"subject": "Printer\\u0000 on fire", "description": "It burns",
					 "requester": {"email": "nul-%d@example.org"}}""".formatted(System.nanoTime())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("subject"));
		mvc.perform(post("/api/v1/tickets").header("Authorization", agent).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"subject": "Fine", "description": "Fine", "tags": ["ok", "bad\\u0000"],
					 "requester": {"email": "nul-%d@example.org", "name": "Nul\\u0000"}}""".formatted(System.nanoTime())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.oneOf("tags[1]", "requester.name")));
	}

	@Test
	void shouldRefuseALoneSurrogateInJsonAndInTheQuery() throws Exception {
		String agent = fixtures.anAgentIn("tier1").bearer();

		mvc.perform(post("/api/v1/tickets").header("Authorization", agent).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"subject": "Broken \\uD800 text", "description": "x",
					 "requester": {"email": "surrogate-%d@example.org"}}""".formatted(System.nanoTime())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("subject"));
		mvc.perform(get("/api/v1/tickets").param("q", "\uD800").header("Authorization", agent))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		mvc.perform(get("/api/v1/contacts").param("q", "a\u0000b").header("Authorization", agent))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
	}

	@Test
	void shouldRefuseNulInAPageFormAndQuery() throws Exception {
		mvc.perform(post("/portal/signup").with(csrf()).param("name", "Nul\u0000")
			.param("email", "nul-" + System.nanoTime() + "@example.org").param("password", "long-enough-pw"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/tickets").param("tag", "a\u0000").header("Authorization", fixtures.anAgentIn("tier1").bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("tag"));
	}

	@Test
	void shouldAnswerUrlsTheFirewallRefusesWithAProblem() throws Exception {
		String agent = fixtures.anAgentIn("tier1").bearer();

		for (String url : List.of("/api/v1/tickets;x=1", "/api/v1/%2e%2e/tickets")) {
			mvc.perform(get(url).header("Authorization", agent))
				.andDo(result -> assertThat(result.getResponse().getStatus()).as(url).isEqualTo(400))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value(ApiProblems.TYPE_BASE + "rejected-url"));
		}
	}

	@Test
	void shouldAnswerOneCreatedAndTheRestConflictWhenTheSameContactIsCreatedAtOnce() throws Exception {
		String agent = fixtures.anAgentIn("tier1").bearer();
		String body = "{\"email\": \"same-" + System.nanoTime() + "@example.org\", \"name\": \"Same\"}";
		int callers = 16;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return mvc.perform(post("/api/v1/contacts").header("Authorization", agent)
						.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(60, TimeUnit.SECONDS));
			}

			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
