package io.rapport.notifications;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.rapport.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

/** Every language says everything English says, and every text with arguments is a valid message format. */
class NotificationBundlesTests {

	@Test
	void shouldTranslateEveryKeyIntoEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("notifications");
	}

	@Test
	void shouldFormatEveryNotificationTextWithItsArguments() {
		Object[] args = { "Lars", "1001", "Cannot log in", "Tier 2" };
		for (String language : List.of("", "_zh", "_ro", "_eo", "_ta")) {
			Properties bundle = Bundles.load("notifications", language.replace("_", ""));
			for (String key : bundle.stringPropertyNames()) {
				if (key.startsWith("notification.")) {
					String text = new MessageFormat(bundle.getProperty(key), Locale.ROOT).format(args);
					assertThat(text).as(language + " " + key).contains("1001").contains("Cannot log in");
				}
			}
		}
	}
}
