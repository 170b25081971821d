package io.rapport.channels.email.inbound;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw mail written the way a mail client writes one (RFC 5322 headers, a text/plain UTF-8 body), with a
 * unique Message-ID unless told otherwise.
 */
final class TestMail {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final List<String> headers = new ArrayList<>();

	private String from;

	private String to;

	private String subject = "A question";

	private String messageId = "m" + SEQUENCE.incrementAndGet() + "." + System.nanoTime() + "@client.example";

	private String body = "Hello, the export button does nothing.";

	private TestMail(String from, String to) {
		this.from = from;
		this.to = to;
	}

	static TestMail from(String from, String to) {
		return new TestMail(from, to);
	}

	TestMail subject(String subject) {
		this.subject = subject;
		return this;
	}

	TestMail to(String to) {
		this.to = to;
		return this;
	}

	TestMail cc(String cc) {
		return header("Cc", cc);
	}

	TestMail inReplyTo(String id) {
		return header("In-Reply-To", "<" + id.replaceAll("^<|>$", "") + ">");
	}

	TestMail references(String... ids) {
		List<String> bracketed = new ArrayList<>();
		for (String id : ids) {
			bracketed.add("<" + id.replaceAll("^<|>$", "") + ">");
		}
		return header("References", String.join(" ", bracketed));
	}

	/** Without a Message-ID header (some scripts and old clients send none). */
	TestMail withoutMessageId() {
		this.messageId = null;
		return this;
	}

	TestMail messageId(String id) {
		this.messageId = id;
		return this;
	}

	TestMail body(String body) {
		this.body = body;
		return this;
	}

	TestMail header(String name, String value) {
		headers.add(name + ": " + value);
		return this;
	}

	String messageId() {
		return messageId;
	}

	byte[] bytes() {
		StringBuilder mail = new StringBuilder();
		mail.append("From: ").append(from).append("\r\n");
		mail.append("To: ").append(to).append("\r\n");
		mail.append("Subject: ").append(subject).append("\r\n");
		mail.append("Date: Mon, 2 Mar 2026 09:00:00 +0000\r\n");
		if (messageId != null) {
			mail.append("Message-ID: <").append(messageId).append(">\r\n");
		}
		headers.forEach(header -> mail.append(header).append("\r\n"));
		mail.append("MIME-Version: 1.0\r\n");
		mail.append("Content-Type: text/plain; charset=UTF-8\r\n");
		mail.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
		mail.append(body).append("\r\n");
		return mail.toString().getBytes(StandardCharsets.UTF_8);
	}
}
