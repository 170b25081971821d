package io.rapport.knowledge.helpcenter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A help-center page speaks the language of its URL ({@code /help/ro/...}), whatever the browser asks: the
 * request's locale is that language, so the page's words, its {@code lang} and its dates all follow the URL.
 */
@Component
class HelpLocaleFilter extends OncePerRequestFilter {

	private static final Pattern LOCALIZED = Pattern.compile("^/help/([a-z]{2})(/.*)?$");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/help/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher matcher = LOCALIZED.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (matcher.matches() && HelpLocales.supported(matcher.group(1))) {
			Locale locale = Locale.forLanguageTag(matcher.group(1));
			chain.doFilter(new HttpServletRequestWrapper(request) {

				@Override
				public Locale getLocale() {
					return locale;
				}

				@Override
				public Enumeration<Locale> getLocales() {
					return Collections.enumeration(java.util.List.of(locale));
				}
			}, response);
		}
		else {
			chain.doFilter(request, response);
		}
	}
}
