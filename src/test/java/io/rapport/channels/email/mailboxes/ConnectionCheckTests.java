package io.rapport.channels.email.mailboxes;

import java.net.ServerSocket;

import com.jayway.jsonpath.JsonPath;
import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.channels.email.Mailboxes;
import io.rapport.channels.email.imap.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Test connection" names the step that failed, in words, for each way a mail server can be unreachable: an
 * unknown host (DNS), a closed port (connect), TLS against a plain port or an untrusted certificate (TLS), a wrong
 * password (login), a missing folder; and says it works against a real server (GreenMail).
 */
class ConnectionCheckTests extends IntegrationTest {

	static TestMailServer server;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Mailboxes mailboxes;

	Fixtures.Person admin;

	Long id;

	@BeforeAll
	static void startServer() {
		server = new TestMailServer(Fixtures.uniqueEmail("support", "check.example"));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void admin() {
		admin = fixtures.anAdmin();
	}

	@AfterEach
	void remove() {
		if (id != null) {
			mailboxes.deleteById(id);
		}
	}

	@Test
	void shouldSayBothSidesWorkAgainstARealServer() throws Exception {
		test(imap(TestMailServer.HOST, server.imapPort(), "NONE", server.password, "INBOX"),
				"\"smtp\": {\"host\": \"127.0.0.1\", \"port\": %d, \"security\": \"NONE\"}".formatted(server.smtpPort()))
			.andExpect(jsonPath("$.imap.ok").value(true))
			.andExpect(jsonPath("$.imap.step").doesNotExist())
			.andExpect(jsonPath("$.imap.message").value(containsString("INBOX")))
			.andExpect(jsonPath("$.smtp.ok").value(true))
			.andExpect(jsonPath("$.smtp.message").value(containsString("127.0.0.1")));
	}

	@Test
	void shouldNameDnsForAnUnknownHost() throws Exception {
		test(imap("nonexistent.invalid", 993, "TLS", "x", "INBOX"), null)
			.andExpect(jsonPath("$.imap.ok").value(false))
			.andExpect(jsonPath("$.imap.step").value("DNS"))
			.andExpect(jsonPath("$.imap.message").value(containsString("nonexistent.invalid")))
			.andExpect(jsonPath("$.smtp").doesNotExist());
	}

	@Test
	void shouldNameConnectForAClosedPort() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		test(imap(TestMailServer.HOST, closed, "NONE", "x", "INBOX"), null)
			.andExpect(jsonPath("$.imap.step").value("CONNECT"))
			.andExpect(jsonPath("$.imap.message").value(containsString("refused")));
	}

	@Test
	void shouldNameTlsWhenThePortSpeaksPlainText() throws Exception {
		test(imap(TestMailServer.HOST, server.imapPort(), "TLS", server.password, "INBOX"), null)
			.andExpect(jsonPath("$.imap.step").value("TLS"))
			.andExpect(jsonPath("$.imap.message").value(containsString("secure (TLS)")));
	}

	@Test
	void shouldNameTheCertificateWhenItIsNotTrusted() throws Exception {
		test(imap(TestMailServer.HOST, server.imapsPort(), "TLS", server.password, "INBOX"), null)
			.andExpect(jsonPath("$.imap.step").value("TLS"))
			.andExpect(jsonPath("$.imap.message").value(containsString("certificate")));
	}

	@Test
	void shouldNameTheLoginForAWrongPassword() throws Exception {
		test(imap(TestMailServer.HOST, server.imapPort(), "NONE", "wrong-password", "INBOX"), null)
			.andExpect(jsonPath("$.imap.step").value("LOGIN"))
			.andExpect(jsonPath("$.imap.message").value(containsString(server.login)));
	}

	@Test
	void shouldNameTheFolderWhenItIsMissing() throws Exception {
		test(imap(TestMailServer.HOST, server.imapPort(), "NONE", server.password, "Support/Nowhere"), null)
			.andExpect(jsonPath("$.imap.step").value("FOLDER"))
			.andExpect(jsonPath("$.imap.message").value(containsString("Support/Nowhere")));
	}

	@Test
	void shouldAnswerInTheReadersLanguage() throws Exception {
		create(imap("nonexistent.invalid", 993, "TLS", "x", "INBOX"), null);
		mvc.perform(post("/api/v1/mailboxes/" + id + "/test").header("Authorization", admin.bearer())
			.header("Accept-Language", "ro"))
			.andExpect(jsonPath("$.imap.message").value(containsString("nu este cunoscut în DNS")));
	}

	private String imap(String host, int port, String security, String password, String folder) {
		return """
				"imap": {"host": "%s", "port": %d, "security": "%s", "username": "%s", "password": "%s",
				         "folder": "%s"}""".formatted(host, port, security, server.login, password, folder);
	}

	private ResultActions test(String imap, String smtp) throws Exception {
		create(imap, smtp);
		return mvc.perform(post("/api/v1/mailboxes/" + id + "/test").header("Authorization", admin.bearer()))
			.andExpect(status().isOk());
	}

	private void create(String imap, String smtp) throws Exception {
		String body = mvc.perform(post("/api/v1/mailboxes").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Check\", \"address\": \"%s\", %s%s}".formatted(
					Fixtures.uniqueEmail("check", "check.example"), imap, smtp == null ? "" : ", " + smtp)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		id = ((Number) JsonPath.read(body, "$.id")).longValue();
	}
}
