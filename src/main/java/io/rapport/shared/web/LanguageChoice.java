package io.rapport.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseCookie;

/**
 * The language a visitor picked from a page's language menu (the portal's footer), kept in a cookie: read before
 * the browser's {@code Accept-Language} by the request's locale resolver, written by the page that offers the menu.
 */
public final class LanguageChoice {

	public static final String COOKIE = "RAPPORT_LANG";

	/** The languages every customer-facing page speaks, in the order menus offer them. */
	public static final List<String> LANGUAGES = List.of("en", "zh", "ro", "ta", "eo");

	private LanguageChoice() {
	}

	public static Optional<Locale> picked(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && LANGUAGES.contains(cookie.getValue())) {
				return Optional.of(Locale.forLanguageTag(cookie.getValue()));
			}
		}
		return Optional.empty();
	}

	/** The {@code Set-Cookie} value that remembers a language for a year; null for one Rapport does not speak. */
	public static String cookie(String language, boolean secure) {
		if (!LANGUAGES.contains(language)) {
			return null;
		}
		return ResponseCookie.from(COOKIE, language).path("/").maxAge(Duration.ofDays(365)).httpOnly(true)
			.secure(secure).sameSite("Lax").build().toString();
	}
}
