package io.rapport.knowledge.internal;

import java.util.List;
import java.util.Locale;

import io.rapport.shared.InvalidInputException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The locales of the knowledge base. The first enabled one (English unless an admin reorders them) is the help
 * center's default: a category named in no other locale is read in it.
 */
@Component
public class Locales {

	private final KbLocales locales;

	Locales(KbLocales locales) {
		this.locales = locales;
	}

	@Transactional(readOnly = true)
	public List<String> enabled() {
		return locales.findByEnabledTrueOrderByPositionAscCodeAsc().stream().map(KbLocale::getCode).toList();
	}

	@Transactional(readOnly = true)
	public List<KbLocale> all() {
		return locales.findAllByOrderByPositionAscCodeAsc();
	}

	public String defaultLocale() {
		List<String> enabled = enabled();
		return enabled.isEmpty() ? "en" : enabled.get(0);
	}

	/** A locale an article may be written in, normalized ({@code ZH} → {@code zh}); else a 400 naming the field. */
	public String require(String field, String locale) {
		String code = normalize(locale);
		if (code == null || !enabled().contains(code)) {
			throw InvalidInputException.of(field, "errors.knowledge.locale", locale == null ? "" : locale);
		}
		return code;
	}

	/** A locale a reader asked for: an enabled one, else the default. */
	public String readable(String locale) {
		String code = normalize(locale);
		return code != null && enabled().contains(code) ? code : defaultLocale();
	}

	static String normalize(String locale) {
		if (locale == null || locale.isBlank() || locale.length() > 10) {
			return null;
		}
		return locale.strip().replace('_', '-').toLowerCase(Locale.ROOT);
	}
}
