package io.rapport.shared.web;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
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
		Set<String> origins = new LinkedHashSet<>(allowed(request));
		for (String url : urls) {
			origin(url).ifPresent(origins::add);
		}
		request.setAttribute(ATTRIBUTE, Set.copyOf(origins));
	}

	/** The origins allowed for this response, as CSP source expressions; empty for every ordinary response. */
	@SuppressWarnings("unchecked")
	public static Set<String> allowed(HttpServletRequest request) {
		Object value = request.getAttribute(ATTRIBUTE);
		return value instanceof Set<?> set ? (Set<String>) set : Set.of();
	}

	private static Optional<String> origin(String url) {
		try {
			URI uri = URI.create(url.strip());
			String host = uri.getHost();
			if (!"https".equalsIgnoreCase(uri.getScheme()) || host == null || !host.matches("[A-Za-z0-9.-]+")) {
				return Optional.empty();
			}
			return Optional.of("https://" + host.toLowerCase(Locale.ROOT) + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
