package io.rapport.portal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/** The language a customer reads the portal in, narrowed to one Rapport speaks, for their mail and their contact. */
final class PortalLanguage {

	static final List<String> SPOKEN = List.of("en", "zh", "ro", "ta", "eo");

	private PortalLanguage() {
	}

	/** The request's language (the browser's), or English when Rapport does not speak it. */
	static Locale current() {
		Locale locale = LocaleContextHolder.getLocale();
		String language = locale == null ? "en" : locale.getLanguage();
		return Locale.forLanguageTag(SPOKEN.contains(language) ? language : "en");
	}
}
