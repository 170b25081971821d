package io.rapport.channels.email.mailboxes;

import java.util.Map;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The mailbox admin pages: reachable from the admin start page, forms that show errors beside fields. */
class MailboxPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	JdbcTemplate jdbc;

	Person admin;

	String address;

	@BeforeEach
	void admin() {
		admin = fixtures.anAdmin();
		address = Fixtures.uniqueEmail("pages", "pages.example");
	}

	@AfterEach
	void remove() {
		mailboxes.findByAddress(address).ifPresent(mailboxes::delete);
	}

	@Test
	void shouldBeReachableFromTheAdminStartPage() throws Exception {
		mvc.perform(get("/admin").with(signedInAs(admin)))
			.andExpect(content().string(containsString("href=\"/admin/mailboxes\"")));
		mvc.perform(get("/admin/mailboxes").with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mailboxes")));
	}

	@Test
	void shouldCreateAMailboxShowTheSecretOnceThenKeepThePasswordUnchanged() throws Exception {
		var result = mvc.perform(post("/admin/mailboxes").with(csrf()).with(signedInAs(admin))
			.param("name", "Pages").param("address", address).param("group", "tier1").param("inboundMode", "IMAP")
			.param("imapHost", "imap.example.com").param("imapPort", "993").param("imapSecurity", "TLS")
			.param("imapUsername", "support").param("imapAuth", "PASSWORD").param("imapPassword", "pw-from-form")
			.param("imapFolder", "INBOX").param("imapPollSeconds", "60").param("imapAfterImport", "SEEN")
			.param("notifyReceived", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/admin/mailboxes/*"))
			.andExpect(flash().attributeExists("inboundSecret"))
			.andReturn();
		Mailbox created = mailboxes.findByAddress(address).orElseThrow();
		String sealed = created.getImapSecretSealed();
		assertThat(created.isNotifyReceived()).isTrue();
		assertThat(created.isNotifyReplies()).isFalse();

		mvc.perform(get(result.getResponse().getRedirectedUrl()).with(signedInAs(admin))
			.flashAttrs(result.getFlashMap()))
			.andExpect(content().string(containsString((String) result.getFlashMap().get("inboundSecret"))));
		mvc.perform(get("/admin/mailboxes/" + created.getId()).with(signedInAs(admin)))
			.andExpect(content().string(allOf(not(containsString("rmi_")), not(containsString("pw-from-form")),
					containsString("leave empty to keep it unchanged"))));
		mvc.perform(post("/admin/mailboxes/" + created.getId()).with(csrf()).with(signedInAs(admin))
			.param("name", "Pages renamed").param("address", address).param("group", "tier1")
			.param("inboundMode", "IMAP").param("imapHost", "imap.example.com").param("imapPort", "993")
			.param("imapSecurity", "TLS").param("imapUsername", "support").param("imapAuth", "PASSWORD")
			.param("imapPassword", "").param("imapFolder", "INBOX").param("imapPollSeconds", "60")
			.param("imapAfterImport", "SEEN").param("active", "true"))
			.andExpect(status().is3xxRedirection());
		Mailbox renamed = mailboxes.findById(created.getId()).orElseThrow();
		assertThat(renamed.getName()).isEqualTo("Pages renamed");
		assertThat(renamed.getImapSecretSealed()).isEqualTo(sealed);
	}

	@Test
	void shouldSaveOAuth2FromTheFormSealedAndKeepTheSecretsWhenTheyAreLeftEmpty() throws Exception {
		mvc.perform(post("/admin/mailboxes").with(csrf()).with(signedInAs(admin))
			.param("name", "OAuth").param("address", address).param("group", "tier1").param("inboundMode", "IMAP")
			.param("imapHost", "imap.gmail.com").param("imapPort", "993").param("imapSecurity", "TLS")
			.param("imapUsername", address).param("imapAuth", MailboxForm.REFRESHING)
			.param("imapOauth.tokenUrl", "https://oauth2.googleapis.com/token")
			.param("imapOauth.clientId", "client-1.apps.example")
			.param("imapOauth.clientSecret", "secret-from-form")
			.param("imapOauth.refreshToken", "refresh-from-form")
			.param("imapFolder", "INBOX").param("imapPollSeconds", "60").param("imapAfterImport", "SEEN"))
			.andExpect(status().is3xxRedirection());
		Mailbox created = mailboxes.findByAddress(address).orElseThrow();
		Map<String, Object> stored = jdbc.queryForMap("select client_id, client_secret, refresh_token, token_url "
				+ "from mailbox_oauth where mailbox_id = ? and protocol = 'IMAP'", created.getId());
		assertThat(stored.get("client_id")).isEqualTo("client-1.apps.example");
		assertThat((String) stored.get("refresh_token")).isNotBlank().doesNotContain("refresh-from-form");
		assertThat((String) stored.get("client_secret")).isNotBlank().doesNotContain("secret-from-form");

		mvc.perform(get("/admin/mailboxes/" + created.getId()).with(signedInAs(admin)))
			.andExpect(content().string(allOf(containsString("client-1.apps.example"),
					not(containsString("secret-from-form")), not(containsString("refresh-from-form")))));
		mvc.perform(post("/admin/mailboxes/" + created.getId()).with(csrf()).with(signedInAs(admin))
			.param("name", "OAuth renamed").param("address", address).param("group", "tier1")
			.param("inboundMode", "IMAP").param("imapHost", "imap.gmail.com").param("imapPort", "993")
			.param("imapSecurity", "TLS").param("imapUsername", address).param("imapAuth", MailboxForm.REFRESHING)
			.param("imapOauth.tokenUrl", "https://oauth2.googleapis.com/token")
			.param("imapOauth.clientId", "client-1.apps.example").param("imapOauth.clientSecret", "")
			.param("imapOauth.refreshToken", "").param("imapFolder", "INBOX").param("imapPollSeconds", "60")
			.param("imapAfterImport", "SEEN").param("active", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(mailboxes.findById(created.getId()).orElseThrow().getName()).isEqualTo("OAuth renamed");
		assertThat(jdbc.queryForMap("select client_secret, refresh_token from mailbox_oauth where mailbox_id = ? "
				+ "and protocol = 'IMAP'", created.getId()))
			.containsEntry("client_secret", stored.get("client_secret"))
			.containsEntry("refresh_token", stored.get("refresh_token"));
	}

	@Test
	void shouldShowErrorsBesideTheirFields() throws Exception {
		mvc.perform(post("/admin/mailboxes").with(csrf()).with(signedInAs(admin))
			.param("name", "Pages").param("address", address).param("group", "tier1").param("inboundMode", "IMAP")
			.param("imapHost", "imap.example.com").param("imapPort", "nine").param("imapUsername", "u")
			.param("imapPassword", "p"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a whole number.")));
		mvc.perform(post("/admin/mailboxes").with(csrf()).with(signedInAs(admin))
			.param("name", "Pages").param("address", address).param("group", "tier1").param("inboundMode", "IMAP")
			.param("imapHost", "imap.example.com").param("imapUsername", "u").param("imapPassword", "p")
			.param("imapPollSeconds", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("between 10 and 86400 seconds")));
		assertThat(mailboxes.findByAddress(address)).isEmpty();
	}

	@Test
	void shouldKeepAgentsOut() throws Exception {
		mvc.perform(get("/admin/mailboxes").with(signedInAs(fixtures.anAgentIn("tier1"))))
			.andExpect(status().isForbidden());
	}
}
