package io.rapport.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links to Rapport's own pages, for what leaves the browser (mails, survey links): {@code rapport.base-url}
 * when set, else this server on localhost.
 */
@Component
public class PublicLinks {

	private final String root;

	PublicLinks(@Value("${rapport.base-url:}") String baseUrl, @Value("${server.port:8080}") int port) {
		String base = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl.strip();
		this.root = base.replaceAll("/+$", "");
	}

	/** {@code path} starts with a slash: {@code to("/tickets/42")}. */
	public String to(String path) {
		return root + path;
	}
}
