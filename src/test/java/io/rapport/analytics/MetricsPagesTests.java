package io.rapport.analytics;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Business page for agents and the metrics admin page: what each shows, who may use it, bad input as a message. */
class MetricsPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldLetAdminsEnterSpendAndRefuseAnUnknownTimeZone() throws Exception {
		Person admin = fixtures.anAdmin();
		mvc.perform(post("/admin/metrics/spend").with(csrf()).with(signedInAs(admin)).param("month", "2025-11")
			.param("amount", "12,500.50"))
			.andExpect(redirectedUrl("/admin/metrics"))
			.andExpect(flash().attribute("notice", containsString("saved")));
		mvc.perform(get("/admin/metrics").with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Business metrics"), containsString("$12,500.50"),
					containsString("name=\"timeZone\""))));
		mvc.perform(post("/admin/metrics/settings").with(csrf()).with(signedInAs(admin)).param("reportingCurrency", "USD")
			.param("timeZone", "Mars/Olympus").param("grossMargin", "0.8"))
			.andExpect(redirectedUrl("/admin/metrics"))
			.andExpect(flash().attribute("error", containsString("Mars/Olympus")));
		mvc.perform(post("/admin/metrics/rates").with(csrf()).with(signedInAs(admin)).param("month", "2025-11")
			.param("currency", "EUR").param("rate", "-1"))
			.andExpect(flash().attribute("error", containsString("-1")));
		mvc.perform(get("/admin/metrics").with(signedInAs(fixtures.anAgentIn("tier1"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldShowTheBusinessPageAndSayWhatIsWrongWithAFilter() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		mvc.perform(get("/analytics/business").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("MRR movements"), containsString("Churn and retention"),
					containsString("/api/v1/metrics/mrr.csv?from=2025-04&amp;to=2026-03"))));
		mvc.perform(get("/analytics/business").param("from", "April").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Write a month as yyyy-MM, not &quot;April&quot;")));
	}
}
