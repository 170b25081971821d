package io.rapport.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API speaks its own words: our problem types and details, tags and summaries in the OpenAPI document. */
class ApiContractTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldAnswerAnUnknownPathWithOurOwnWords() throws Exception {
		mvc.perform(get("/api/v1/nope").header("Authorization", fixtures.anAgentIn("tier1").bearer()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(ApiProblems.TYPE_BASE + "not-found"))
			.andExpect(jsonPath("$.detail").value(not(containsString("static resource"))))
			.andExpect(jsonPath("$.detail").value(containsString("/api/v1/nope")));
	}

	@Test
	void shouldGiveEveryProblemOurType() throws Exception {
		String token = fixtures.anAgentIn("tier1").bearer();

		mvc.perform(post("/api/v1/tickets").header("Authorization", token).contentType(MediaType.TEXT_PLAIN).content("hi"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value(ApiProblems.TYPE_BASE + "unsupported-media-type"));
		mvc.perform(post("/api/v1/tickets/1/history").header("Authorization", token))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.type").value(startsWith(ApiProblems.TYPE_BASE)));
	}

	@Test
	void shouldSummariseEveryOperationAndNameEveryTag() throws Exception {
		String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(doc, "$.paths");
		List<String> unsummarised = new ArrayList<>();
		List<String> tags = new ArrayList<>();
		paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
			if (operation.get("summary") == null || operation.get("summary").toString().isBlank()) {
				unsummarised.add(method + " " + path);
			}
			@SuppressWarnings("unchecked")
			List<String> operationTags = (List<String>) operation.getOrDefault("tags", List.of());
			tags.addAll(operationTags);
		}));

		assertThat(paths).isNotEmpty();
		assertThat(unsummarised).isEmpty();
		assertThat(tags).isNotEmpty().noneMatch(tag -> tag.endsWith("-controller"));
	}
}
