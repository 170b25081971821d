package io.rapport.shared.web;

import java.util.Collection;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Origins one response may frame or play media from, beyond the page policy (which allows none): a help-center
 * article embedding an allow-listed video names its origin here, and the Content-Security-Policy header written
 * for that response alone gets {@code frame-src} and {@code media-src} for it. Like {@link ImageSources}.
 */
public final class FrameSources {

	static final String ATTRIBUTE = FrameSources.class.getName() + ".allowed";

	private FrameSources() {
	}

	/** Allows the origins (scheme, host, port) of these https URLs for the current response. */
	public static void allow(HttpServletRequest request, Collection<String> urls) {
		ResponseOrigins.allow(request, ATTRIBUTE, urls, Set.of("https"));
	}

	/** The origins allowed for this response, as CSP source expressions; empty for every ordinary response. */
	public static Set<String> allowed(HttpServletRequest request) {
		return ResponseOrigins.allowed(request, ATTRIBUTE);
	}
}
