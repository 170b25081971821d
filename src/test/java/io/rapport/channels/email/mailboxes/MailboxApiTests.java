package io.rapport.channels.email.mailboxes;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;
import io.rapport.shared.secrets.SecretBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The mailbox endpoints as an administrator's client uses them, with every refusal. */
class MailboxApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	SecretBox secrets;

	@Autowired
	JdbcTemplate jdbc;

	Person admin;

	final List<Long> created = new ArrayList<>();

	@BeforeEach
	void admin() {
		admin = fixtures.anAdmin();
	}

	@AfterEach
	void removeMailboxes() {
		created.forEach(id -> jdbc.update("delete from email_messages where mailbox_id = ?", id));
		created.forEach(id -> mailboxes.findById(id).ifPresent(mailboxes::delete));
	}

	@Test
	void shouldCreateAMailboxAndShowItsPushSecretOnlyOnce() throws Exception {
		String address = Fixtures.uniqueEmail("support", "brightlane.example");

		String body = call(admin, post("/api/v1/mailboxes"), """
				{"name": "Support", "address": "%s", "group": "tier2",
				 "imap": {"host": "imap.brightlane.example", "security": "TLS", "username": "support",
				          "password": "imap-password-1", "pollSeconds": 30},
				 "smtp": {"host": "smtp.brightlane.example", "port": 587, "security": "STARTTLS",
				          "username": "support", "password": "smtp-password-1", "fromName": "Brightlane Support"},
				 "notifySolved": false}""".formatted(address.toUpperCase()))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/mailboxes/")))
			.andExpect(jsonPath("$.address").value(address))
			.andExpect(jsonPath("$.group").value("tier2"))
			.andExpect(jsonPath("$.inboundMode").value("IMAP"))
			.andExpect(jsonPath("$.imap.port").value(993))
			.andExpect(jsonPath("$.imap.auth").value("PASSWORD"))
			.andExpect(jsonPath("$.imap.folder").value("INBOX"))
			.andExpect(jsonPath("$.imap.afterImport").value("SEEN"))
			.andExpect(jsonPath("$.imap.passwordSet").value(true))
			.andExpect(jsonPath("$.smtp.passwordSet").value(true))
			.andExpect(jsonPath("$.notifyReceived").value(true))
			.andExpect(jsonPath("$.notifySolved").value(false))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.status.received").value(0))
			.andExpect(jsonPath("$.inboundSecret").value(containsString("rmi_")))
			.andExpect(content().string(not(containsString("imap-password-1"))))
			.andReturn().getResponse().getContentAsString();
		long id = remember(body);
		String secret = JsonPath.read(body, "$.inboundSecret");
		assertThat((String) JsonPath.read(body, "$.inboundUrl")).endsWith("/api/v1/mailboxes/" + id + "/inbound");

		call(admin, get("/api/v1/mailboxes/" + id), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inboundSecret").doesNotExist())
			.andExpect(content().string(not(containsString(secret))))
			.andExpect(content().string(not(containsString("password-1"))));
		call(admin, get("/api/v1/mailboxes"), null)
			.andExpect(content().string(containsString(address)))
			.andExpect(content().string(not(containsString("inboundSecret"))));
		Mailbox stored = mailboxes.findById(id).orElseThrow();
		assertThat(stored.getImapSecretSealed()).doesNotContain("imap-password-1");
		assertThat(secrets.open(stored.getImapSecretSealed(), "mailbox:" + id + ":imap")).isEqualTo("imap-password-1");
		assertThat(secrets.open(stored.getSmtpSecretSealed(), "mailbox:" + id + ":smtp")).isEqualTo("smtp-password-1");
		assertThat(stored.getInboundSecretHash()).isEqualTo(InboundSecrets.hash(secret));
	}

	@Test
	void shouldKeepTheStoredPasswordWhenAChangeLeavesItOut() throws Exception {
		long id = aMailbox();
		String sealedBefore = mailboxes.findById(id).orElseThrow().getImapSecretSealed();

		call(admin, patch("/api/v1/mailboxes/" + id), """
				{"name": "Renamed", "imap": {"host": "imap2.example.com", "pollSeconds": 120}}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Renamed"))
			.andExpect(jsonPath("$.imap.host").value("imap2.example.com"))
			.andExpect(jsonPath("$.imap.pollSeconds").value(120))
			.andExpect(jsonPath("$.imap.username").value("support"))
			.andExpect(jsonPath("$.imap.passwordSet").value(true));

		assertThat(mailboxes.findById(id).orElseThrow().getImapSecretSealed()).isEqualTo(sealedBefore);
		call(admin, patch("/api/v1/mailboxes/" + id), """
				{"inboundMode": "PUSH"}""")
			.andExpect(jsonPath("$.inboundMode").value("PUSH"));
	}

	@Test
	void shouldRefuseInvalidSettingsNamingTheField() throws Exception {
		expectInvalid("""
				{"name": "X", "address": "not-an-address"}""", "address");
		expectInvalid("""
				{"name": "", "address": "%s"}""".formatted(unique()), "name");
		expectInvalid("""
				{"name": "X", "address": "%s", "group": "no-such-group"}""".formatted(unique()), "group");
		expectInvalid("""
				{"name": "X", "address": "%s", "imap": {"host": "imap.example.com", "port": 70000,
				 "username": "u", "password": "p"}}""".formatted(unique()), "imap.port");
		expectInvalid("""
				{"name": "X", "address": "%s", "imap": {"host": "imap.example.com", "security": "SSL",
				 "username": "u", "password": "p"}}""".formatted(unique()), "imap.security");
		expectInvalid("""
				{"name": "X", "address": "%s", "imap": {"host": "imap.example.com", "username": "u",
				 "password": "p", "pollSeconds": 5}}""".formatted(unique()), "imap.pollSeconds");
		expectInvalid("""
				{"name": "X", "address": "%s", "imap": {"host": "imap.example.com", "username": "u"}}"""
			.formatted(unique()), "imap.password");
		expectInvalid("""
				{"name": "X", "address": "%s", "imap": {"host": "imap.example.com", "username": "u",
				 "auth": "XOAUTH2", "password": "p"}}""".formatted(unique()), "imap.accessToken");
		expectInvalid("""
				{"name": "X", "address": "%s", "imap": {"host": "imap.example.com", "username": "u",
				 "password": "p", "afterImport": "MOVE"}}""".formatted(unique()), "imap.moveFolder");
		expectInvalid("""
				{"name": "X", "address": "%s", "smtp": {"host": "bad host!", "port": 25}}""".formatted(unique()),
				"smtp.host");
		expectInvalid("""
				{"name": "X", "address": "%s", "smtp": {"host": "smtp.example.com", "fromName": "A\\r\\nBcc: x@y.z"}}"""
			.formatted(unique()), "smtp.fromName");
	}

	@Test
	void shouldRefuseASecondMailboxForTheSameAddress() throws Exception {
		long id = aMailbox();
		String address = mailboxes.findById(id).orElseThrow().getAddress();

		call(admin, post("/api/v1/mailboxes"), """
				{"name": "Again", "address": "%s"}""".formatted(address))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString(address)));
	}

	@Test
	void shouldMoveTheDefaultMailbox() throws Exception {
		long first = aMailbox();
		long second = remember(call(admin, post("/api/v1/mailboxes"), """
				{"name": "Sales", "address": "%s", "default": true}""".formatted(unique()))
			.andExpect(jsonPath("$.default").value(true))
			.andExpect(jsonPath("$.inboundMode").value("PUSH"))
			.andReturn().getResponse().getContentAsString());

		assertThat(mailboxes.findById(first).orElseThrow().isDefaultMailbox()).isFalse();
		call(admin, patch("/api/v1/mailboxes/" + first), """
				{"default": true}""").andExpect(jsonPath("$.default").value(true));
		assertThat(mailboxes.findById(second).orElseThrow().isDefaultMailbox()).isFalse();
		assertThat(mailboxes.findFirstByDefaultMailboxTrueAndActiveTrue().orElseThrow().getId()).isEqualTo(first);
	}

	@Test
	void shouldDeleteAnUnusedMailboxAndOnlyDeactivateOneThatMailRefersTo() throws Exception {
		long unused = aMailbox();
		long used = aMailbox();
		jdbc.update("""
				insert into email_messages (id, mailbox_id, ticket_id, direction, header_message_id, created_at)
				values (nextval('email_messages_seq'), ?, 1, 'IN', ?, current_timestamp)""", used, "m" + used + "@x");

		call(admin, delete("/api/v1/mailboxes/" + unused), null).andExpect(status().isNoContent());
		call(admin, delete("/api/v1/mailboxes/" + used), null).andExpect(status().isNoContent());

		call(admin, get("/api/v1/mailboxes/" + unused), null).andExpect(status().isNotFound());
		call(admin, get("/api/v1/mailboxes/" + used), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.default").value(false));
	}

	@Test
	void shouldLetOnlyAdministratorsIn() throws Exception {
		long id = aMailbox();
		Person agent = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomer();

		call(agent, get("/api/v1/mailboxes"), null).andExpect(status().isForbidden());
		call(agent, post("/api/v1/mailboxes/" + id + "/inbound-secret"), null).andExpect(status().isForbidden());
		call(agent, post("/api/v1/mailboxes/" + id + "/test"), null).andExpect(status().isForbidden());
		call(customer, get("/api/v1/mailboxes/" + id), null).andExpect(status().isNotFound());
		call(customer, post("/api/v1/mailboxes"), "{}").andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/mailboxes")).andExpect(status().isUnauthorized());
	}

	private void expectInvalid(String json, String field) throws Exception {
		call(admin, post("/api/v1/mailboxes"), json)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	/** A mailbox polling imap.example.com; answers its id. */
	long aMailbox() throws Exception {
		return remember(call(admin, post("/api/v1/mailboxes"), """
				{"name": "Support", "address": "%s", "imap": {"host": "imap.example.com", "username": "support",
				 "password": "secret-1"}}""".formatted(unique()))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString());
	}

	long remember(String body) {
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		created.add(id);
		return id;
	}

	static String unique() {
		return Fixtures.uniqueEmail("box", "mailboxes.example");
	}

	ResultActions call(Person who, MockHttpServletRequestBuilder request, String json) throws Exception {
		request.header("Authorization", who.bearer());
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}
}
