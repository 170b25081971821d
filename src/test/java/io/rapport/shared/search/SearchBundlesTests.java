package io.rapport.shared.search;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import io.rapport.Bundles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The search pages read in every language: each bundle has English's keys, with the same placeholders. */
class SearchBundlesTests {

	@Test
	void everyKeyIsTranslatedIntoEveryLanguageWithItsPlaceholders() {
		Bundles.assertEveryLanguageHasEveryKey("search");
		Properties english = Bundles.load("search", "");
		for (String language : Bundles.LANGUAGES) {
			Properties translation = Bundles.load("search", language);
			for (String key : english.stringPropertyNames()) {
				MessageFormat en = new MessageFormat(english.getProperty(key), Locale.ROOT);
				MessageFormat other = new MessageFormat(translation.getProperty(key, ""), Locale.ROOT);
				assertThat(other.getFormatsByArgumentIndex()).as(language + " " + key)
					.hasSameSizeAs(en.getFormatsByArgumentIndex());
				if (!key.startsWith("search.language.") && !key.equals("search.runs.counts")
						&& !key.equals("search.language.eo")) {
					assertThat(translation.getProperty(key)).as(language + " " + key)
						.isNotEqualTo(english.getProperty(key));
				}
			}
		}
	}

}
