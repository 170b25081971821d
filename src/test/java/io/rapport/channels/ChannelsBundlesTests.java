package io.rapport.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channels module's pages and mails read in every language Rapport speaks: each bundle has English's keys,
 * and each text is a valid message format with the same placeholders.
 */
class ChannelsBundlesTests {

	static final List<String> LANGUAGES = List.of("zh", "ro", "eo", "ta");

	@Test
	void shouldTranslateEveryKeyIntoEveryLanguage() throws IOException {
		Properties english = load("");
		for (String language : LANGUAGES) {
			assertThat(load("_" + language).stringPropertyNames()).as(language)
				.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		}
	}

	@Test
	void shouldKeepEveryPlaceholderInEveryLanguage() throws IOException {
		Properties english = load("");
		for (String language : LANGUAGES) {
			Properties translation = load("_" + language);
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

	private static Properties load(String suffix) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ChannelsBundlesTests.class
			.getResourceAsStream("/i18n/channels" + suffix + ".properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
