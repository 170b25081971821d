package io.rapport.channels.email.mime;

import java.util.List;
import java.util.Locale;

import io.rapport.channels.email.mime.MimeTree.Node;

/**
 * What a mail is, for the pipeline's rules: a DSN bounce ({@code multipart/report; report-type=delivery-status}),
 * an automatic reply (RFC 3834 {@code Auto-Submitted}, {@code X-Autoreply}, {@code X-Autorespond}, Exchange's
 * {@code X-Auto-Response-Suppress} with an out-of-office subject, or such a subject alone), a bulk or list mail
 * ({@code Precedence: bulk|junk|list}, {@code List-Id}), or a person's mail. In that order: a bounce is also
 * auto-submitted, and a vacation reply may carry {@code Precedence: bulk}.
 */
final class MailKinds {

	private static final List<String> AUTO_SUBJECTS = List.of("automatic reply:", "auto:", "autoreply:",
			"auto-reply:", "auto reply:", "out of office", "out of the office", "abwesenheitsnotiz",
			"réponse automatique", "automatische antwort", "răspuns automat:", "自动回复", "自動回覆", "aŭtomata respondo");

	private MailKinds() {
	}

	static ParsedMail.Kind of(Node root, ParsedMail.Headers headers, String subject) {
		if (root.mimeType.equals("multipart/report")) {
			String reportType = Parameters.of(root.field("Content-Type")).get("report-type");
			if (reportType != null && reportType.toLowerCase(Locale.ROOT).contains("delivery-status")) {
				return ParsedMail.Kind.BOUNCE;
			}
		}
		String autoSubmitted = lower(headers.autoSubmitted());
		boolean autoSubject = isAutoSubject(subject);
		String suppress = lower(root.field("X-Auto-Response-Suppress"));
		if (autoSubmitted != null && !autoSubmitted.startsWith("no") || headers.xAutoreply() != null
				|| root.field("X-Autorespond") != null || autoSubject
				|| suppress != null && (suppress.contains("all") || suppress.contains("oof")) && autoSubject) {
			return ParsedMail.Kind.AUTO_REPLY;
		}
		String precedence = lower(headers.precedence());
		if (precedence != null && (precedence.startsWith("bulk") || precedence.startsWith("junk")
				|| precedence.startsWith("list")) || headers.listId() != null) {
			return ParsedMail.Kind.BULK;
		}
		return ParsedMail.Kind.NORMAL;
	}

	private static boolean isAutoSubject(String subject) {
		if (subject == null) {
			return false;
		}
		String lower = subject.strip().toLowerCase(Locale.ROOT);
		for (String prefix : AUTO_SUBJECTS) {
			if (lower.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static String lower(String value) {
		return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
	}
}
