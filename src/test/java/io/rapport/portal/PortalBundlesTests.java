package io.rapport.portal;

import java.text.ChoiceFormat;
import java.text.DecimalFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import io.rapport.Bundles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer portal reads in every language Rapport speaks (en, zh, ro, ta, eo): each bundle has English's keys,
 * each text keeps English's arguments and their formats, and apostrophes follow MessageFormat's rules.
 */
class PortalBundlesTests {

	/** Keys that read the same in every language: the ticket number, and each language named in itself. */
	private static final Set<String> SAME_EVERYWHERE = Set.of("portal.ticket.number", "portal.language.en",
			"portal.language.zh", "portal.language.ro", "portal.language.ta", "portal.language.eo");

	/** A single apostrophe: MessageFormat drops it (and quotes what follows) in a message with arguments. */
	private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	@Test
	void shouldTranslateEveryKeyIntoEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("portal");
	}

	@Test
	void shouldKeepEveryArgumentAndItsFormatInEveryLanguage() {
		Properties english = Bundles.load("portal", "");
		for (String language : Bundles.LANGUAGES) {
			Properties translation = Bundles.load("portal", language);
			for (String key : english.stringPropertyNames()) {
				assertThat(formats(translation.getProperty(key, ""))).as(language + " " + key)
					.isEqualTo(formats(english.getProperty(key)));
			}
		}
	}

	@Test
	void shouldWriteApostrophesAsMessageFormatReadsThem() {
		List<String> languages = new ArrayList<>(Bundles.LANGUAGES);
		languages.add("");
		for (String language : languages) {
			Properties bundle = Bundles.load("portal", language);
			for (String key : bundle.stringPropertyNames()) {
				String text = bundle.getProperty(key);
				boolean hasArguments = new MessageFormat(text, Locale.ROOT).getFormatsByArgumentIndex().length > 0;
				if (hasArguments) {
					assertThat(LONE_APOSTROPHE.matcher(text).find()).as("'%s' %s: write '' for an apostrophe", language, key)
						.isFalse();
				}
				else {
					assertThat(text).as("'%s' %s: shown as it is written, so '' would show twice", language, key)
						.doesNotContain("''");
				}
			}
		}
	}

	@Test
	void shouldWriteEveryTamilTextInTamil() {
		Properties tamil = Bundles.load("portal", "ta");
		assertThat(tamil.getProperty("portal.lang")).isEqualTo("ta");
		for (String key : tamil.stringPropertyNames()) {
			if (!SAME_EVERYWHERE.contains(key) && !key.equals("portal.lang")) {
				assertThat(tamil.getProperty(key)).as(key).containsPattern("\\p{InTamil}");
			}
		}
		for (String key : SAME_EVERYWHERE) {
			assertThat(tamil.getProperty(key)).as(key).isEqualTo(Bundles.load("portal", "").getProperty(key));
		}
	}

	/** The format of each argument, by index: none, a number pattern, a choice, a date. */
	private static List<String> formats(String text) {
		List<String> described = new ArrayList<>();
		for (Format format : new MessageFormat(text, Locale.ROOT).getFormatsByArgumentIndex()) {
			if (format == null) {
				described.add("text");
			}
			else if (format instanceof ChoiceFormat choice) {
				described.add("choice " + choice.getLimits().length);
			}
			else if (format instanceof DecimalFormat number) {
				described.add("number " + number.toPattern());
			}
			else if (format instanceof SimpleDateFormat date) {
				described.add("date " + date.toPattern());
			}
			else {
				described.add(format.getClass().getSimpleName());
			}
		}
		return described;
	}
}
