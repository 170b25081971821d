package io.rapport.channels.email.oauth;

import java.time.Duration;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.channels.email.MailIngest.IngestResult;
import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.Mailboxes;
import io.rapport.channels.email.imap.ImapPoller;
import io.rapport.channels.email.imap.PollResult;
import io.rapport.channels.email.imap.TestMailServer;
import io.rapport.channels.email.oauth.MailboxOAuth.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * OAuth2 that keeps working: a mailbox stores a client and a refresh token, and Rapport fetches the access token
 * from a real token server (RFC 6749 refresh grant over HTTP), signs in to a real IMAP and SMTP server (GreenMail)
 * with XOAUTH2, renews the token before it expires and once when the server refuses it, and says in words when
 * the token server refuses. The secrets never come back out.
 */
class MailboxOAuthTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	ImapPoller poller;

	@Autowired
	JdbcTemplate jdbc;

	TestMailServer mail;

	TestTokenServer tokens;

	Fixtures.Person admin;

	long id;

	@BeforeEach
	void servers() throws Exception {
		mail = new TestMailServer(Fixtures.uniqueEmail("support", "oauth.example"));
		mail.acceptOnly("no-token-issued-yet");
		tokens = new TestTokenServer(mail::acceptOnly);
		admin = fixtures.anAdmin();
		id = create();
	}

	@AfterEach
	void stop() {
		tokens.close();
		mail.close();
		mailboxes.deleteById(id);
	}

	@Test
	void shouldFetchTheAccessTokenAndSignInWithXoauth2WithoutEverShowingASecret() throws Exception {
		mail.deliver("Hello", "over OAuth2");

		PollResult result = poller.poll(id, accepting());

		assertThat(result.error()).isNull();
		assertThat(result.imported()).isEqualTo(1);
		assertThat(tokens.issued()).isEqualTo(1);
		Map<String, String> request = tokens.requests.get(0);
		assertThat(request).containsEntry("grant_type", "refresh_token").containsEntry("client_id", tokens.clientId);
		String body = mvc.perform(get("/api/v1/mailboxes/" + id).header("Authorization", admin.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imap.auth").value("XOAUTH2"))
			.andExpect(jsonPath("$.imap.oauth2.clientId").value(tokens.clientId))
			.andExpect(jsonPath("$.imap.oauth2.tokenUrl").value(tokens.url()))
			.andExpect(jsonPath("$.imap.oauth2.clientSecretSet").value(true))
			.andExpect(jsonPath("$.imap.oauth2.refreshTokenSet").value(true))
			.andExpect(jsonPath("$.imap.oauth2.renewedAt").value(START.toString()))
			.andExpect(jsonPath("$.imap.oauth2.expiresAt").value(START.plusSeconds(3600).toString()))
			.andExpect(jsonPath("$.imap.oauth2.error").isEmpty())
			.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain(tokens.refreshToken, tokens.clientSecret, "access-1-");
		assertThat(jdbc.queryForList("select client_secret, refresh_token, access_token from mailbox_oauth"
				+ " where mailbox_id = ?", id).toString())
			.doesNotContain(tokens.refreshToken, tokens.clientSecret, "access-1-");
	}

	@Test
	void shouldRenewTheAccessTokenOnlyWhenItIsAboutToExpire() throws Exception {
		poller.poll(id, accepting());
		clock.advance(Duration.ofMinutes(50));
		poller.poll(id, accepting());
		assertThat(tokens.issued()).isEqualTo(1);

		tokens.rotate = true;
		clock.advance(Duration.ofMinutes(6));
		assertThat(poller.poll(id, accepting()).error()).isNull();
		assertThat(tokens.issued()).isEqualTo(2);

		// The rotated refresh token was kept (sealed): the next renewal uses it and works.
		clock.advance(Duration.ofMinutes(58));
		assertThat(poller.poll(id, accepting()).error()).isNull();
		assertThat(tokens.issued()).isEqualTo(3);
	}

	@Test
	void shouldRenewOnceWhenTheMailServerRefusesAFreshToken() throws Exception {
		poller.poll(id, accepting());
		mail.acceptOnly("revoked-by-the-provider");

		PollResult result = poller.poll(id, accepting());

		assertThat(result.error()).isNull();
		assertThat(tokens.issued()).isEqualTo(2);
	}

	@Test
	void shouldSayInWordsWhenTheTokenServerRefusesTheRefreshToken() throws Exception {
		tokens.refreshToken = "revoked";

		PollResult result = poller.poll(id, accepting());

		assertThat(result.error()).contains("invalid_grant", "Token has been expired or revoked",
				"store a new refresh token");
		mvc.perform(get("/api/v1/mailboxes/" + id).header("Authorization", admin.bearer()))
			.andExpect(jsonPath("$.imap.oauth2.error").value(containsString("invalid_grant")))
			.andExpect(jsonPath("$.imap.oauth2.errorAt").value(START.toString()))
			.andExpect(jsonPath("$.smtp.oauth2.error").isEmpty());
		mvc.perform(get("/admin/mailboxes/" + id).with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The token could not be renewed")))
			.andExpect(content().string(containsString("Token has been expired or revoked")));
	}

	@Test
	void shouldTestBothSidesOverXoauth2AndShowTheTokenState() throws Exception {
		mvc.perform(post("/api/v1/mailboxes/" + id + "/test").header("Authorization", admin.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imap.ok").value(true))
			.andExpect(jsonPath("$.smtp.ok").value(true));
		assertThat(tokens.issued()).isEqualTo(2);
		mvc.perform(get("/admin/mailboxes/" + id).with(signedInAs(admin)))
			.andExpect(content().string(containsString("Connected as " + mail.login)))
			.andExpect(content().string(not(containsString(tokens.refreshToken))))
			.andExpect(content().string(not(containsString(tokens.clientSecret))));

		tokens.refreshToken = "revoked";
		mail.acceptOnly("revoked-by-the-provider");
		mvc.perform(post("/api/v1/mailboxes/" + id + "/test").header("Authorization", admin.bearer()))
			.andExpect(jsonPath("$.smtp.ok").value(false))
			.andExpect(jsonPath("$.smtp.step").value("LOGIN"));
	}

	@Test
	void shouldKeepTheStoredSecretsWhenAChangeLeavesThemOut() throws Exception {
		mvc.perform(patch("/api/v1/mailboxes/" + id).header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"imap\": {\"oauth2\": {\"clientId\": \"%s\"}}}".formatted(tokens.clientId)))
			.andExpect(status().isOk());

		assertThat(poller.poll(id, accepting()).error()).isNull();
	}

	@Test
	void shouldRefuseATokenUrlThatIsNotHttpsAndAMissingRefreshToken() throws Exception {
		mvc.perform(patch("/api/v1/mailboxes/" + id).header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"imap\": {\"oauth2\": {\"tokenUrl\": \"http://tokens.example.com/token\"}}}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("imap.oauth2.tokenUrl")));
		mvc.perform(post("/api/v1/mailboxes").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "No refresh", "address": "%s", "smtp": {"host": "127.0.0.1", "port": 25,
					 "security": "NONE", "username": "x", "oauth2": {"clientId": "c", "tokenUrl": "%s"}}}"""
				.formatted(Fixtures.uniqueEmail("norefresh", "oauth.example"), tokens.url())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("smtp.oauth2.refreshToken")));
	}

	@Test
	void shouldForgetTheOAuth2SettingsWhenAPasswordIsChosenAgain() throws Exception {
		mvc.perform(patch("/api/v1/mailboxes/" + id).header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"imap\": {\"auth\": \"PASSWORD\", \"password\": \"p\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imap.auth").value("PASSWORD"))
			.andExpect(jsonPath("$.imap.oauth2").doesNotExist());
		assertThat(jdbc.queryForObject("select count(*) from mailbox_oauth where mailbox_id = ? and protocol = ?",
				Long.class, id, Protocol.IMAP.name())).isZero();
	}

	private long create() throws Exception {
		String oauth = """
				"oauth2": {"clientId": "%s", "clientSecret": "%s", "tokenUrl": "%s", "refreshToken": "%s"}"""
			.formatted(tokens.clientId, tokens.clientSecret, tokens.url(), tokens.refreshToken);
		String body = mvc.perform(post("/api/v1/mailboxes").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "OAuth", "address": "%s",
					 "imap": {"host": "127.0.0.1", "port": %d, "security": "NONE", "username": "%s", %s},
					 "smtp": {"host": "127.0.0.1", "port": %d, "security": "NONE", "username": "%s", %s}}"""
				.formatted(Fixtures.uniqueEmail("oauth", "oauth.example"), mail.imapPort(), mail.login, oauth,
						mail.smtpPort(), mail.login, oauth)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.imap.oauth2.refreshTokenSet").value(true))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain(tokens.refreshToken, tokens.clientSecret);
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private static MailIngest accepting() {
		return (mailboxId, raw) -> new IngestResult("id", 1L, MailOutcome.CREATED);
	}
}
