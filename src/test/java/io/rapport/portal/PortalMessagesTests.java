package io.rapport.portal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every translation of the portal says everything the English bundle says, with the same placeholders. */
class PortalMessagesTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d[^}]*}");

	@ParameterizedTest
	@ValueSource(strings = { "ro", "eo", "zh", "ta" })
	void shouldTranslateEveryKeyWithItsPlaceholders(String language) throws IOException {
		Properties english = load("i18n/portal.properties");
		Properties translation = load("i18n/portal_" + language + ".properties");

		Set<String> expected = new HashSet<>(english.stringPropertyNames());
		assertThat(translation.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(expected);
		for (String key : expected) {
			assertThat(placeholders(translation.getProperty(key))).as(language + " " + key)
				.isEqualTo(placeholders(english.getProperty(key)));
		}
	}

	private static Set<String> placeholders(String message) {
		Set<String> found = new HashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(message);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(PortalMessagesTests.class.getClassLoader().getResourceAsStream(path),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
