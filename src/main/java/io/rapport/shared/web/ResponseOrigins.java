package io.rapport.shared.web;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Origins one response may use beyond the page policy, kept as a request attribute until the security headers are
 * written: the shared part of {@link ImageSources} and {@link FrameSources}.
 */
final class ResponseOrigins {

	private ResponseOrigins() {
	}

	/** Adds the origins (scheme, host, port) of those URLs whose scheme is one of {@code schemes}. */
	static void allow(HttpServletRequest request, String attribute, Collection<String> urls, Set<String> schemes) {
		Set<String> origins = new LinkedHashSet<>(allowed(request, attribute));
		for (String url : urls) {
			origin(url, schemes).ifPresent(origins::add);
		}
		request.setAttribute(attribute, Set.copyOf(origins));
	}

	@SuppressWarnings("unchecked")
	static Set<String> allowed(HttpServletRequest request, String attribute) {
		Object value = request.getAttribute(attribute);
		return value instanceof Set<?> set ? (Set<String>) set : Set.of();
	}

	/** A CSP source expression for the URL's origin; empty for another scheme, no host, or an odd host. */
	private static Optional<String> origin(String url, Set<String> schemes) {
		try {
			URI uri = URI.create(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost();
			if (!schemes.contains(scheme) || host == null || !host.matches("[A-Za-z0-9.-]+")) {
				return Optional.empty();
			}
			return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT)
					+ (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
