package io.rapport.accounts;

import java.util.Locale;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A contact's language, stored, shown and changed on the contact page and through the API. */
class ContactLocaleTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsApi accounts;

	@Autowired
	Fixtures fixtures;

	ContactView aContact() {
		return accounts.createContact(new NewContact(Fixtures.uniqueEmail("lin", "pop.example"), "Lin", null, null));
	}

	@Test
	void shouldChooseTheLanguageOnTheContactPage() throws Exception {
		Person admin = fixtures.anAdmin();
		ContactView contact = aContact();

		mvc.perform(post("/admin/contacts/{id}", contact.id()).param("name", "Lin").param("locale", "zh")
			.with(csrf()).with(signedInAs(admin)))
			.andExpect(status().isFound());

		assertThat(accounts.contact(contact.id()).orElseThrow().locale()).isEqualTo(Locale.forLanguageTag("zh"));
		mvc.perform(get("/admin/contacts/{id}", contact.id()).with(signedInAs(admin)))
			.andExpect(content().string(containsString("<option value=\"zh\" selected=\"selected\">")));
		mvc.perform(post("/admin/contacts/{id}", contact.id()).param("name", "Lin").param("locale", "de")
			.with(csrf()).with(signedInAs(admin)))
			.andExpect(status().isBadRequest());
		assertThat(accounts.contact(contact.id()).orElseThrow().locale()).isEqualTo(Locale.forLanguageTag("zh"));
	}

	@Test
	void shouldChangeAndForgetTheLanguageThroughTheApi() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		ContactView contact = aContact();

		mvc.perform(patch("/api/v1/contacts/{id}", contact.id()).header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"locale\": \"eo\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.locale").value("eo"));
		mvc.perform(patch("/api/v1/contacts/{id}", contact.id()).header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"locale\": \"klingon\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("locale"));
		mvc.perform(patch("/api/v1/contacts/{id}", contact.id()).header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"locale\": null}"))
			.andExpect(status().isOk());
		assertThat(accounts.contact(contact.id()).orElseThrow().locale()).isNull();
		Person customer = fixtures.aCustomer();
		mvc.perform(patch("/api/v1/contacts/{id}", customer.id()).header("Authorization", customer.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"locale\": \"ro\"}"))
			.andExpect(status().isNotFound());
	}
}
