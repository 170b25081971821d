package io.rapport.notifications;

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

/** Every language says everything English says, and every text with arguments is a valid message format. */
class NotificationBundlesTests {

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
	void shouldFormatEveryNotificationTextWithItsArguments() throws IOException {
		Object[] args = { "Lars", "1001", "Cannot log in", "Tier 2" };
		for (String language : List.of("", "_zh", "_ro", "_eo", "_ta")) {
			Properties bundle = load(language);
			for (String key : bundle.stringPropertyNames()) {
				if (key.startsWith("notification.")) {
					String text = new MessageFormat(bundle.getProperty(key), Locale.ROOT).format(args);
					assertThat(text).as(language + " " + key).contains("1001").contains("Cannot log in");
				}
			}
		}
	}

	private static Properties load(String suffix) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = NotificationBundlesTests.class
			.getResourceAsStream("/i18n/notifications" + suffix + ".properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
