package io.rapport.shared.web;

import java.net.URI;

import io.rapport.shared.TranslatableException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;

/** Our words for problems: a {@code type} on every framework problem, texts from the bundles in the caller's language. */
final class ProblemWords {

	private ProblemWords() {
	}

	/** Gives a framework's problem our {@code type}, and a 404 our own detail instead of "No static resource …". */
	static void ownWords(ProblemDetail problem, String path, MessageSource messages) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(URI.create(ApiProblems.TYPE_BASE + typeOf(problem.getStatus())));
		}
		if (problem.getStatus() == 404) {
			problem.setTitle("Not found");
			problem.setDetail(text(messages, "errors.path.not-found", path));
		}
	}

	private static String typeOf(int status) {
		return switch (status) {
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "too-large";
			case 415 -> "unsupported-media-type";
			default -> status >= 500 ? "internal" : "invalid-request";
		};
	}

	static String text(MessageSource messages, String code, Object... args) {
		String english = TranslatableException.english(code, args);
		return messages == null ? english : messages.getMessage(code, args, english, LocaleContextHolder.getLocale());
	}
}
