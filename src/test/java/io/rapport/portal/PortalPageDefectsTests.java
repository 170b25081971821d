package io.rapport.portal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Upload;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Defects 6, 11 and 20 of issue 5: the page's language, one message per field, sandboxed downloads. */
class PortalPageDefectsTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Test
	void shouldNameTheLanguageOfTheTextShownNotTheOneAskedFor() throws Exception {
		assertThat(page("/portal/login", "de-DE")).contains("<html lang=\"en\"", "Sign in");
		assertThat(page("/portal/login", "zh-TW")).contains("<html lang=\"zh-Hans\"", "登录");
		assertThat(page("/portal/login", "ro-RO")).contains("<html lang=\"ro\"");
	}

	@Test
	void shouldWriteDatesAsTheLanguageOfThePageDoes() throws Exception {
		Person customer = fixtures.aCustomer();
		TicketView ticket = fixtures.aTicketFrom(customer, "Dates in Chinese");

		String list = mvc.perform(get("/portal").with(signedInAs(customer)).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("2026年3月2日").doesNotContain("2 3月 2026");
		String english = mvc.perform(get("/portal/tickets/" + ticket.id()).with(signedInAs(customer))
			.header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
		assertThat(english).contains("Mar 2, 2026");
	}

	@Test
	void shouldShowOneMessagePerFieldOnSignUp() throws Exception {
		for (int attempt = 0; attempt < 5; attempt++) {
			String page = mvc.perform(post("/portal/signup").with(csrf()).param("name", " ").param("email", " ")
				.param("password", "")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

			assertThat(fieldError(page, "password")).isEqualTo("Choose a password.");
			assertThat(fieldError(page, "email")).isEqualTo("Enter your email address.");
			assertThat(fieldError(page, "name")).isEqualTo("Tell us your name.");
		}
	}

	@Test
	void shouldSandboxPortalDownloadsAsTheApiDoes() throws Exception {
		Person customer = fixtures.aCustomer();
		TicketView ticket = fixtures.aTicketFrom(customer, "A hostile file");
		tickets.addMessage(ticket.id(), new NewMessage("See attached", null, NewMessage.BodyFormat.TEXT),
				List.of(new Upload("page.html", "text/html", "<script>alert(1)</script>".getBytes())), customer.user());
		long attachmentId = tickets.messages(ticket.id(), customer.user()).stream()
			.flatMap(message -> message.attachments().stream()).findFirst().orElseThrow().id();

		for (String path : new String[] { "/portal/attachments/" + attachmentId, "/api/v1/attachments/" + attachmentId }) {
			var request = get(path);
			request = path.startsWith("/api") ? request.header("Authorization", customer.bearer())
					: request.with(signedInAs(customer));
			mvc.perform(request).andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Content-Security-Policy", "default-src 'none'; sandbox"));
		}
	}

	private String page(String path, String language) throws Exception {
		return mvc.perform(get(path).header("Accept-Language", language)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	private static String fieldError(String page, String field) {
		Matcher matcher = Pattern.compile("id=\"" + field + "-error\" class=\"field-error\">(.*?)</p>", Pattern.DOTALL)
			.matcher(page);
		assertThat(matcher.find()).as(field + " error shown").isTrue();
		return matcher.group(1);
	}
}
