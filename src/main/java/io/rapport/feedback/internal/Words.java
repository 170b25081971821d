package io.rapport.feedback.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a text that say what it is about, for matching a ticket to topics: lower case without accents,
 * common words of the five languages left out, a light English stemming ("exports" and "exporting" are "export"),
 * and Han text cut into overlapping pairs of characters (Chinese has no spaces).
 */
final class Words {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

	private static final Set<String> COMMON = Set.of("the", "and", "for", "our", "your", "you", "with", "this",
			"that", "can", "could", "would", "please", "add", "have", "has", "are", "was", "not", "but", "from", "when",
			"what", "how", "why", "all", "any", "its", "it's", "too", "very", "just", "there", "they", "them", "will",
			"want", "need", "like", "also", "into", "about", "hello", "thanks", "thank", "team", "way", "able", "get",
			"some", "more", "use", "using", "been", "does", "did", "who", "which", "then", "than",
			"pentru", "care", "este", "sunt", "din", "mai", "dar", "sau", "vrem", "poate", "kaj", "estas", "por",
			"kun", "sed", "bonvolu", "povas", "havas", "pri", "ankau", "dankon", "saluton");

	private Words() {
	}

	static Set<String> of(String text) {
		Set<String> words = new LinkedHashSet<>();
		if (text == null || text.isBlank()) {
			return words;
		}
		String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "");
		Matcher han = HAN.matcher(plain);
		while (han.find()) {
			String run = han.group();
			if (run.length() == 1) {
				words.add(run);
			}
			for (int i = 0; i + 1 < run.length(); i++) {
				words.add(run.substring(i, i + 2));
			}
		}
		Matcher word = WORD.matcher(HAN.matcher(plain).replaceAll(" "));
		while (word.find()) {
			String w = word.group();
			if (w.length() < 3 || COMMON.contains(w)) {
				continue;
			}
			words.add(stem(w));
		}
		return words;
	}

	private static String stem(String word) {
		if (word.length() > 5 && word.endsWith("ing")) {
			return word.substring(0, word.length() - 3);
		}
		if (word.length() > 4 && word.endsWith("ed")) {
			return word.substring(0, word.length() - 2);
		}
		if (word.length() > 4 && word.endsWith("es") && !word.endsWith("ses")) {
			return word.substring(0, word.length() - 2);
		}
		if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
			return word.substring(0, word.length() - 1);
		}
		return word;
	}
}
