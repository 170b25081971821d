package io.rapport.channels.email.mailboxes;

import com.jayway.jsonpath.JsonPath;
import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.channels.email.Mailboxes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The push endpoint's gate: the mailbox's own bearer secret (no user, no CSRF token), the same 401 for a wrong
 * secret and an unknown mailbox, 415 for anything but raw MIME, 413 over the size limit. An authorized request
 * with the wrong type is answered 415 and an unauthorized one 401, which is how the rotation test tells a valid
 * secret from a stale one without sending mail.
 */
class InboundPushTests extends IntegrationTest {

	static final byte[] MAIL = "From: a@example.org\r\nTo: b@example.org\r\nSubject: Hi\r\n\r\nHello\r\n".getBytes();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Mailboxes mailboxes;

	Fixtures.Person admin;

	long id;

	String secret;

	@BeforeEach
	void mailbox() throws Exception {
		admin = fixtures.anAdmin();
		String body = mvc.perform(post("/api/v1/mailboxes").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "Push", "address": "%s"}""".formatted(Fixtures.uniqueEmail("push", "push.example"))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		id = ((Number) JsonPath.read(body, "$.id")).longValue();
		secret = JsonPath.read(body, "$.inboundSecret");
	}

	/** Deactivated, not deleted: mail it took in (and mail sent for other tests' tickets while it was the default) refers to it. */
	@AfterEach
	void remove() {
		mailboxes.findById(id).ifPresent(mailbox -> {
			mailbox.setActive(false);
			mailbox.setDefaultMailbox(false);
			mailboxes.save(mailbox);
		});
	}

	@Test
	void shouldTakeARawMailThroughThePipelineAndAnswerWhatBecameOfIt() throws Exception {
		byte[] mail = ("From: Ana Pop <ana-" + System.nanoTime() + "@example.org>\r\nTo: support@push.example\r\n"
				+ "Message-ID: <push-" + System.nanoTime() + "@example.org>\r\nSubject: Export fails\r\n\r\n"
				+ "The export spins forever.\r\n").getBytes();

		String first = push(id, "Bearer " + secret, "message/rfc822", mail)
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.outcome").value("CREATED"))
			.andExpect(jsonPath("$.ticketId").isNumber())
			.andExpect(jsonPath("$.messageId").value(containsString("@example.org")))
			.andReturn().getResponse().getContentAsString();
		push(id, "Bearer " + secret, "message/rfc822; charset=UTF-8", mail)
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.outcome").value("DUPLICATE"))
			.andExpect(jsonPath("$.ticketId").value(((Number) JsonPath.read(first, "$.ticketId")).longValue()));
	}

	@Test
	void shouldAnswer401WithoutTheSecretAndTheSameForAnUnknownMailbox() throws Exception {
		push(id, null, "message/rfc822", MAIL)
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		push(id, "Bearer rmi_wrong", "message/rfc822", MAIL).andExpect(status().isUnauthorized());
		push(id, "Bearer " + secret, "message/rfc822", MAIL).andExpect(status().is(org.hamcrest.Matchers.not(401)));
		String unknown = push(Long.MAX_VALUE - 7, "Bearer " + secret, "message/rfc822", MAIL)
			.andExpect(status().isUnauthorized())
			.andReturn().getResponse().getContentAsString();
		String wrong = push(id, "Bearer rmi_wrong", "message/rfc822", MAIL).andReturn().getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(unknown.replace(Long.toString(Long.MAX_VALUE - 7), ""))
			.isEqualTo(wrong.replace(Long.toString(id), ""));
	}

	@Test
	void shouldRefuseAnythingButRawMime() throws Exception {
		push(id, "Bearer " + secret, "application/json", "{}".getBytes())
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail").value(containsString("message/rfc822")));
		push(id, "Bearer " + secret, "text/plain", MAIL).andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void shouldRefuseAMailOverTheSizeLimit() throws Exception {
		byte[] huge = new byte[25 * 1024 * 1024 + 1];
		push(id, "Bearer " + secret, "message/rfc822", huge)
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value(containsString("too-large")));
	}

	@Test
	void shouldStopAcceptingTheOldSecretOnceRotated() throws Exception {
		String body = mvc.perform(post("/api/v1/mailboxes/" + id + "/inbound-secret").header("Authorization", admin.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inboundSecret").value(containsString("rmi_")))
			.andReturn().getResponse().getContentAsString();
		String rotated = JsonPath.read(body, "$.inboundSecret");

		push(id, "Bearer " + secret, "text/plain", MAIL).andExpect(status().isUnauthorized());
		push(id, "Bearer " + rotated, "text/plain", MAIL).andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void shouldRefuseADeactivatedMailbox() throws Exception {
		mvc.perform(patch("/api/v1/mailboxes/" + id).header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"active\": false}"))
			.andExpect(status().isOk());

		push(id, "Bearer " + secret, "text/plain", MAIL).andExpect(status().isUnauthorized());
	}

	ResultActions push(long mailbox, String authorization, String type, byte[] body) throws Exception {
		var request = post("/api/v1/mailboxes/" + mailbox + "/inbound").contentType(type).content(body);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return mvc.perform(request);
	}
}
