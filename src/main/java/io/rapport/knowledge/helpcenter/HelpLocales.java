package io.rapport.knowledge.helpcenter;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/** The languages the help center is written in, and the one a visitor gets when they arrive at {@code /help}. */
final class HelpLocales {

	static final List<String> SUPPORTED = List.of("en", "zh", "ro", "ta", "eo");

	private HelpLocales() {
	}

	static boolean supported(String locale) {
		return locale != null && SUPPORTED.contains(locale);
	}

	/** The first of the browser's languages the help center speaks, in the browser's order; else the default. */
	static String preferred(HttpServletRequest request, String fallback) {
		if (request.getHeader("Accept-Language") != null) {
			Enumeration<Locale> locales = request.getLocales();
			while (locales.hasMoreElements()) {
				String language = locales.nextElement().getLanguage();
				if (supported(language)) {
					return language;
				}
			}
		}
		return supported(fallback) ? fallback : "en";
	}
}
