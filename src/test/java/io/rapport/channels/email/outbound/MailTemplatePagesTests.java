package io.rapport.channels.email.outbound;

import java.util.Locale;
import java.util.Map;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.channels.EmailApi;
import io.rapport.channels.email.Mailboxes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Templates come from the bundle in the reader's language (English for a language Rapport does not speak) until an
 * admin rewords one on the templates page; reset brings the default back; unknown placeholders are refused; agents
 * may not reach the page. The agent's email-notification page saves its three switches.
 */
class MailTemplatePagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	EmailApi email;

	@Autowired
	Outbox outbox;

	@Autowired
	MailTemplates templates;

	@Autowired
	AgentMailSettings agentSettings;

	@Autowired
	Mailboxes mailboxes;

	TestMailboxes boxes;

	Person admin;

	@BeforeEach
	void setUp() {
		boxes = new TestMailboxes(mailboxes);
		boxes.sendingTo(2525, true);
		admin = fixtures.anAdmin();
	}

	@AfterEach
	void tearDown() {
		templates.reset("portal.reset", "eo");
		boxes.deactivateAll();
	}

	@Test
	void shouldWriteEachLanguageAndFallBackToEnglish() {
		assertThat(subjectOf("portal.reset", Locale.forLanguageTag("eo"))).isEqualTo("Restarigu vian pasvorton");
		assertThat(subjectOf("portal.reset", Locale.forLanguageTag("ta"))).isEqualTo("உங்கள் கடவுச்சொல்லை மீட்டமையுங்கள்");
		assertThat(subjectOf("portal.reset", Locale.GERMAN)).isEqualTo("Reset your password");
		assertThat(subjectOf("portal.reset", null)).isEqualTo("Reset your password");
	}

	@Test
	void shouldUseAnAdminsWordingUntilItIsReset() throws Exception {
		mvc.perform(get("/admin/mail/templates").with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/admin/mail/templates/portal.reset/eo")));
		mvc.perform(post("/admin/mail/templates/portal.reset/eo").with(csrf()).with(signedInAs(admin))
			.param("subject", "Nova pasvorto por {name}\r\nBcc: spy@evil.example")
			.param("body", "Saluton {name}, jen: {link}"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/mail/templates/portal.reset/eo"));

		long id = email.sendTemplate(Fixtures.uniqueEmail("zam", "eo.example"), "Zam", "portal.reset",
				Locale.forLanguageTag("eo"), Map.of("link", "https://x.example/r"));
		OutboundMail mail = outbox.find(id).orElseThrow();
		assertThat(mail.subject()).isEqualTo("Nova pasvorto por Zam Bcc: spy@evil.example");
		assertThat(mail.text()).isEqualTo("Saluton Zam, jen: https://x.example/r");

		mvc.perform(post("/admin/mail/templates/portal.reset/eo/reset").with(csrf()).with(signedInAs(admin)))
			.andExpect(status().is3xxRedirection());
		assertThat(subjectOf("portal.reset", Locale.forLanguageTag("eo"))).isEqualTo("Restarigu vian pasvorton");
	}

	@Test
	void shouldRefuseAnUnknownPlaceholder() throws Exception {
		mvc.perform(post("/admin/mail/templates/portal.reset/eo").with(csrf()).with(signedInAs(admin))
			.param("subject", "Pasvorto").param("body", "Saluton {nomo}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("{nomo}")));
		assertThat(templates.override("portal.reset", "eo")).isEmpty();
	}

	@Test
	void shouldKeepTheTemplatesPageForAdmins() throws Exception {
		mvc.perform(get("/admin/mail/templates").with(signedInAs(fixtures.anAgentIn("tier1"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/mail/templates/nope/en").with(signedInAs(admin))).andExpect(status().isNotFound());
	}

	@Test
	void shouldSaveAnAgentsEmailNotificationChoices() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		mvc.perform(get("/profile").with(signedInAs(agent)))
			.andExpect(content().string(containsString("href=\"/profile/email\"")));
		assertThat(agentSettings.of(agent.id())).isEqualTo(AgentMailSettings.Settings.NONE);

		mvc.perform(post("/profile/email").with(csrf()).with(signedInAs(agent)).param("assigned", "true")
			.param("customerReplied", "true"))
			.andExpect(redirectedUrl("/profile/email"));

		assertThat(agentSettings.of(agent.id())).isEqualTo(new AgentMailSettings.Settings(false, true, true));
		mvc.perform(get("/profile/email").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"assigned\" value=\"true\" checked")));
	}

	@Test
	void shouldListOutgoingMailForAdminsOnly() throws Exception {
		String to = Fixtures.uniqueEmail("listed", "pop.example");
		email.sendTemplate(to, "Listed", "portal.invitation", Locale.ENGLISH, Map.of("link", "https://x.example/i"));

		mvc.perform(get("/admin/mail/outbox").with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(to)));
		mvc.perform(get("/admin/mail/outbox").param("status", "QUEUED").with(signedInAs(admin)))
			.andExpect(content().string(containsString(to)));
		mvc.perform(get("/admin/mail/outbox").param("status", "SENT").with(signedInAs(admin)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(to))));
		mvc.perform(get("/admin/mail/outbox").param("status", "nope").with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(to)));
		mvc.perform(get("/admin/mail/outbox").with(signedInAs(fixtures.anAgentIn("tier1"))))
			.andExpect(status().isForbidden());
	}

	private String subjectOf(String template, Locale locale) {
		return outbox.find(email.sendTemplate(Fixtures.uniqueEmail("reader", "pop.example"), "Reader", template,
				locale, Map.of("link", "https://x.example/l"))).orElseThrow().subject();
	}
}
