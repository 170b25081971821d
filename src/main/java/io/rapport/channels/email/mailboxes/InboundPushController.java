package io.rapport.channels.email.mailboxes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.MailboxDirectory;
import io.rapport.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The push endpoint: a provider (Postmark, Mailgun, SES style) or a script posts one raw mail. It authenticates
 * by the mailbox's own bearer secret, not by a user, so the security configuration lets it through. An unknown
 * or inactive mailbox answers exactly as a wrong secret does (401), so mailbox ids cannot be probed.
 */
@RestController
@Tag(name = "Mailboxes")
class InboundPushController {

	static final String MEDIA_TYPE = "message/rfc822";

	private final MailboxDirectory mailboxes;

	private final ObjectProvider<MailIngest> ingest;

	private final long maxBytes;

	InboundPushController(MailboxDirectory mailboxes, ObjectProvider<MailIngest> ingest,
			@Value("${rapport.mail.max-bytes:26214400}") long maxBytes) {
		this.mailboxes = mailboxes;
		this.ingest = ingest;
		this.maxBytes = maxBytes;
	}

	@Operation(summary = "Receive one raw mail (Content-Type message/rfc822, Authorization: Bearer <inboundSecret>)")
	@PostMapping("/api/v1/mailboxes/{id}/inbound")
	ResponseEntity<Object> receive(@PathVariable String id, HttpServletRequest request) throws IOException {
		Mailbox mailbox = authorized(id, request.getHeader(HttpHeaders.AUTHORIZATION));
		if (mailbox == null) {
			return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
					"A valid Authorization: Bearer <inbound secret> of an active mailbox is required.");
		}
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith(MEDIA_TYPE)) {
			return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
					"Send the raw mail with Content-Type: message/rfc822.");
		}
		byte[] raw = read(request);
		if (raw == null) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Mail too large",
					"A mail may be at most " + maxBytes + " bytes.");
		}
		MailIngest pipeline = ingest.getIfAvailable();
		if (pipeline == null) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Unavailable",
					"This installation has no inbound mail pipeline.");
		}
		return ResponseEntity.accepted().body(pipeline.ingest(mailbox.getId(), raw));
	}

	private Mailbox authorized(String id, String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || !id.matches("\\d{1,18}")) {
			return null;
		}
		String secret = authorization.substring(7).strip();
		return mailboxes.find(Long.parseLong(id))
			.filter(Mailbox::isActive)
			.filter(mailbox -> InboundSecrets.matches(secret, mailbox.getInboundSecretHash()))
			.orElse(null);
	}

	/** The body, or null when it is larger than the limit (read no further than the limit). */
	private byte[] read(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > maxBytes) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
			return body.length > maxBytes ? null : body;
		}
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(ApiProblems.TYPE_BASE + type));
		problem.setTitle(title);
		var answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.UNAUTHORIZED) {
			answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rapport-inbound\"");
		}
		return answer.body(problem);
	}
}
