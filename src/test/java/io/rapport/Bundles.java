package io.rapport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The message bundles under {@code i18n/}, for the tests that keep every language complete. */
public final class Bundles {

	/** The languages besides English that every translated bundle has. */
	public static final List<String> LANGUAGES = List.of("zh", "ro", "eo", "ta");

	private Bundles() {
	}

	/** A bundle in one language: {@code load("channels", "ro")}; an empty language is English. */
	public static Properties load(String bundle, String language) {
		String suffix = language.isEmpty() ? "" : "_" + language;
		Properties properties = new Properties();
		try (InputStream in = Bundles.class.getResourceAsStream("/i18n/" + bundle + suffix + ".properties")) {
			assertThat(in).as("i18n/" + bundle + suffix + ".properties").isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}

	/** Every language of the bundle has exactly English's keys. */
	public static void assertEveryLanguageHasEveryKey(String bundle) {
		Properties english = load(bundle, "");
		for (String language : LANGUAGES) {
			assertThat(load(bundle, language).stringPropertyNames()).as(bundle + " " + language)
				.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		}
	}
}
