package io.rapport.shared.web;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
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

	private static java.util.Optional<String> origin(String url) {
		try {
			URI uri = URI.create(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost();
			if (!(scheme.equals("http") || scheme.equals("https")) || host == null
					|| !host.matches("[A-Za-z0-9.-]+")) {
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT)
					+ (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
		}
		catch (IllegalArgumentException e) {
			return java.util.Optional.empty();
		}
	}
}
