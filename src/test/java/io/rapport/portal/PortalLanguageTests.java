package io.rapport.portal;

import java.util.Locale;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.shared.web.LanguageChoice;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The portal's language menu: remembered before the browser's language, taken by the contact, never a way out. */
class PortalLanguageTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Test
	void shouldShowThePortalInThePickedLanguageRatherThanTheBrowsers() throws Exception {
		String setCookie = mvc.perform(post("/portal/language").with(csrf()).param("lang", "ro")
			.header("Referer", "http://localhost/portal/login?verified"))
			.andExpect(redirectedUrl("/portal/login?verified"))
			.andReturn().getResponse().getHeader("Set-Cookie");
		assertThat(setCookie).startsWith(LanguageChoice.COOKIE + "=ro").contains("HttpOnly", "SameSite=Lax");

		String page = mvc.perform(get("/portal/login").header("Accept-Language", "en")
			.cookie(new Cookie(LanguageChoice.COOKIE, "ro"))).andReturn().getResponse().getContentAsString();
		assertThat(page.replaceAll("\\s+", " ")).contains("<html lang=\"ro\"",
				"<option value=\"ro\" selected=\"selected\">Română</option>", "Schimbă");
	}

	@Test
	void shouldMakeThePickedLanguageTheSignedInCustomersOwn() throws Exception {
		Person customer = fixtures.aCustomer();

		mvc.perform(post("/portal/language").with(csrf()).with(signedInAs(customer)).param("lang", "eo"));

		assertThat(accounts.contact(customer.id()).orElseThrow().locale()).isEqualTo(Locale.forLanguageTag("eo"));
	}

	@Test
	void shouldIgnoreALanguageRapportDoesNotSpeakAndNeverRedirectElsewhere() throws Exception {
		mvc.perform(post("/portal/language").with(csrf()).param("lang", "de")
			.header("Referer", "https://evil.example/portal/login"))
			.andExpect(redirectedUrl("/portal/login"))
			.andExpect(header().doesNotExist("Set-Cookie"));
		mvc.perform(post("/portal/language").with(csrf()).param("lang", "zh").header("Referer", "https://evil.example/"))
			.andExpect(redirectedUrl("/portal"));
		mvc.perform(post("/portal/language").with(csrf()).param("lang", "zh").header("Referer", "//evil.example/x"))
			.andExpect(redirectedUrl("/portal"));
	}
}
