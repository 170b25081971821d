package io.rapport.portal;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates on portal pages, written as the language of the page writes them ({@code 2026年12月1日},
 * {@code Dec 1, 2026}): the language of the bundle the page's text came from, so a date never reads in another
 * language than the words around it. Used as {@code @portalDates}.
 */
@Component("portalDates")
class PortalDates {

	private final MessageSource messages;

	PortalDates(MessageSource messages) {
		this.messages = messages;
	}

	public String date(ZonedDateTime at) {
		return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(pageLocale()).format(at);
	}

	public String dateTime(ZonedDateTime at) {
		return at == null ? ""
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(pageLocale())
					.format(at);
	}

	/** The language the portal's texts are shown in for this request, after falling back. */
	Locale pageLocale() {
		return Locale.forLanguageTag(messages.getMessage("portal.lang", null, "en", LocaleContextHolder.getLocale()));
	}
}
