package io.rapport.accounts;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccountsApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	Person agent;

	@BeforeEach
	void agent() {
		agent = fixtures.anAgentIn("tier1");
	}

	@Test
	void shouldCreateAccountAndLetContactsOfItsDomainJoin() throws Exception {
		String domain = "globex-" + System.nanoTime() + ".example";
		String created = call(post("/api/v1/accounts"), """
				{"name": "Globex", "domain": "%s", "externalId": "crm-%s"}""".formatted(domain.toUpperCase(), domain))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.domain").value(domain))
			.andReturn().getResponse().getContentAsString();
		long accountId = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();

		call(get("/api/v1/accounts/" + accountId), null).andExpect(jsonPath("$.name").value("Globex"));
		call(post("/api/v1/contacts"), "{\"email\": \"hank@%s\", \"name\": \"Hank\"}".formatted(domain))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.accountId").value(accountId));
		call(post("/api/v1/contacts"), "{\"email\": \"lone@elsewhere-%d.example\"}".formatted(System.nanoTime()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.accountId").isEmpty());
	}

	@Test
	void shouldRejectDuplicatesAndBadInputWithProblems() throws Exception {
		String domain = "initech-" + System.nanoTime() + ".example";
		call(post("/api/v1/accounts"), "{\"name\": \"Initech\", \"domain\": \"%s\"}".formatted(domain)).andExpect(status().isCreated());

		call(post("/api/v1/accounts"), "{\"name\": \"Initech 2\", \"domain\": \"%s\"}".formatted(domain)).andExpect(status().isConflict());
		call(post("/api/v1/accounts"), "{\"name\": \"x\", \"domain\": \"not a domain\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("domain"));
		call(post("/api/v1/accounts"), "{\"domain\": \"a.example\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
		call(post("/api/v1/contacts"), "{\"email\": \"x@y.example\", \"accountId\": 987654321}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("accountId"));
		call(post("/api/v1/contacts"), "{\"email\": \"nope\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
		call(get("/api/v1/accounts/987654321"), null).andExpect(status().isNotFound());
		call(get("/api/v1/contacts/987654321"), null).andExpect(status().isNotFound());
	}

	@Test
	void shouldLetOnlyAdminsProvisionPortalPasswords() throws Exception {
		String body = "{\"email\": \"portal-%d@example.org\", \"password\": \"long-enough-pw\"}".formatted(System.nanoTime());
		call(post("/api/v1/contacts"), body).andExpect(status().isForbidden());

		mvc.perform(post("/api/v1/contacts").header("Authorization", fixtures.anAdmin().bearer())
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
	}

	private ResultActions call(MockHttpServletRequestBuilder request, String json) throws Exception {
		request.header("Authorization", agent.bearer());
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}
}
