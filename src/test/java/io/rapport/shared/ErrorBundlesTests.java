package io.rapport.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error reads in every language Rapport speaks: the bundles have the same keys and placeholders. */
class ErrorBundlesTests {

	@ParameterizedTest
	@ValueSource(strings = { "zh", "ro", "eo", "ta" })
	void shouldTranslateEveryErrorWithItsPlaceholders(String language) throws IOException {
		Properties english = load("i18n/errors.properties");
		Properties translation = load("i18n/errors_" + language + ".properties");

		assertThat(translation.stringPropertyNames()).as(language).isEqualTo(english.stringPropertyNames());
		for (String key : english.stringPropertyNames()) {
			assertThat(placeholders(translation.getProperty(key))).as(language + " " + key)
				.isEqualTo(placeholders(english.getProperty(key)));
			assertThat(translation.getProperty(key)).as(language + " " + key).isNotBlank();
		}
	}

	@Test
	void shouldKeepEnglishInTheMessageForLogs() {
		NotFoundException error = NotFoundException.of("errors.contact.not-found", 12345L);

		assertThat(error.getMessage()).isEqualTo("There is no contact 12345.");
		assertThat(error.getCodes()).containsExactly("errors.contact.not-found");
		assertThat(InvalidInputException.of("key", "errors.group.key").getMessage()).contains("'-' or '_'");
		assertThat(ConflictException.of("errors.group.exists", "vip").getMessage())
			.isEqualTo("A group with the key 'vip' exists already.");
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\{\\d+[^}]*}").matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ErrorBundlesTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
