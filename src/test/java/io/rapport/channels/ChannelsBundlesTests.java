package io.rapport.channels;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.rapport.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channels module's pages and mails read in every language Rapport speaks: each bundle has English's keys,
 * and each text is a valid message format with the same placeholders.
 */
class ChannelsBundlesTests {

	@Test
	void shouldTranslateEveryKeyIntoEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("channels");
	}

	@Test
	void shouldKeepEveryPlaceholderInEveryLanguage() {
		Properties english = Bundles.load("channels", "");
		for (String language : Bundles.LANGUAGES) {
			Properties translation = Bundles.load("channels", language);
			for (String key : english.stringPropertyNames()) {
				if (key.startsWith("mail.template.")) {
					assertThat(named(translation.getProperty(key, ""))).as(language + " " + key)
						.isEqualTo(named(english.getProperty(key)));
					continue;
				}
				MessageFormat en = new MessageFormat(english.getProperty(key), Locale.ROOT);
				MessageFormat other = new MessageFormat(translation.getProperty(key, ""), Locale.ROOT);
				assertThat(other.getFormatsByArgumentIndex()).as(language + " " + key)
					.hasSameSizeAs(en.getFormatsByArgumentIndex());
			}
		}
	}

	/** Mail templates name their placeholders ({@code {ticketNumber}}) instead of numbering them. */
	private static java.util.Set<String> named(String text) {
		return java.util.regex.Pattern.compile("\\{([a-zA-Z]+)\\}").matcher(text).results()
			.map(m -> m.group(1)).collect(java.util.stream.Collectors.toSet());
	}
}
