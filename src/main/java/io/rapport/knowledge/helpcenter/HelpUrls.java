package io.rapport.knowledge.helpcenter;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** The help center's URLs, relative (for links) and absolute (for canonical, hreflang, OpenGraph, sitemap). */
final class HelpUrls {

	private HelpUrls() {
	}

	static String home(String locale) {
		return "/help/" + locale;
	}

	static String category(String locale, String slug) {
		return "/help/" + locale + "/categories/" + UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8);
	}

	static String article(String locale, String slug) {
		return "/help/" + locale + "/articles/" + UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8);
	}

	static String search(String locale) {
		return "/help/" + locale + "/search";
	}

	/** The scheme, host and context path of this request (a trusted proxy's forwarded ones). */
	static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	static String absolute(String path) {
		return base() + path;
	}
}
