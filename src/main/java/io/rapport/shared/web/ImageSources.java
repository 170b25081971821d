package io.rapport.shared.web;

import java.util.Collection;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Remote image origins one response may load, beyond the page policy's {@code img-src 'self' data:}: a page that
 * shows a mail's remote pictures because the reader asked for them names their origins here, and the
 * Content-Security-Policy header written for that response alone allows them.
 */
public final class ImageSources {

	static final String ATTRIBUTE = ImageSources.class.getName() + ".allowed";

	private ImageSources() {
	}

	/** Allows the origins (scheme, host, port) of these http and https URLs for the current response. */
	public static void allow(HttpServletRequest request, Collection<String> urls) {
		ResponseOrigins.allow(request, ATTRIBUTE, urls, Set.of("http", "https"));
	}

	/** The origins allowed for this response, as CSP source expressions; empty for every ordinary response. */
	public static Set<String> allowed(HttpServletRequest request) {
		return ResponseOrigins.allowed(request, ATTRIBUTE);
	}
}
