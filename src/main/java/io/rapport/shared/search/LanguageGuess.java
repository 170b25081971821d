package io.rapport.shared.search;

import java.util.Set;

/**
 * Guesses which of {@link SearchLanguages} a text is written in, so it is indexed with the right analyzer. Tickets
 * carry no language of their own; the words tell: Han characters are Chinese and Tamil letters Tamil (by script),
 * and among the Latin-script languages each has letters and short words the others lack (ș, ț, ă, "și", "este" for
 * Romanian; ĉ, ŝ, ŭ, the x-system "sx", "kaj", "estas" for Esperanto; "the", "and", "is" for English). When the
 * text says too little (a two-word subject, a product name) the guess falls back to the language the person is
 * known to read, and to {@link SearchLanguages#ANY} when that is unknown too.
 */
public final class LanguageGuess {

	/** A script must make up at least this share of the letters to decide the language alone. */
	private static final double SCRIPT_SHARE = 0.3;

	/** Points the best Latin-script language needs, and its lead over the second. */
	private static final int ENOUGH = 3;

	/**
	 * Only the start of a long text is read: a few thousand characters say the language as well as a whole mail
	 * thread with its quoted history, and a guess is made for every message a ticket's document holds.
	 */
	static final int SAMPLE = 4_000;

	/** No word of the lists below is longer. */
	private static final int LONGEST_WORD = 10;

	private static final Set<String> RO_WORDS = Set.of("și", "şi", "este", "sunt", "să", "că", "pentru", "nu", "cu",
			"pe", "din", "mai", "care", "acest", "această", "aceasta", "fost", "vă", "va", "meu", "mea", "îmi",
			"imi", "am", "ați", "ati", "când", "cand", "dar", "sau", "fi", "poate", "pot", "mulțumesc", "multumesc",
			"bună", "buna", "ziua", "după", "dupa", "încă", "inca", "nicio", "niciun", "avem", "aveți", "aveti",
			"contul", "parola", "factura", "si", "sa", "ca", "vreau", "cum", "unde", "foarte");

	private static final Set<String> EO_WORDS = Set.of("kaj", "estas", "estis", "estos", "mi", "vi", "ni", "ili",
			"li", "ŝi", "sxi", "ĝi", "gxi", "ne", "por", "kun", "sed", "ke", "tio", "tiu", "mia", "via", "mian", "vian",
			"povas", "havas", "al", "el", "pri", "ankaŭ", "ankaux", "nur", "jam", "tre", "dankon", "bonvolu", "saluton",
			"kiu", "kio", "kiel", "kiam", "kial", "ĉu", "cxu", "ĉar", "cxar", "ĉi", "cxi", "nun", "neniu", "iu", "pli",
			"post", "antaŭ", "antaux", "mem", "min", "vin", "ĝin", "gxin", "tiel");

	private static final Set<String> EN_WORDS = Set.of("the", "and", "is", "to", "of", "it", "that", "for", "my",
			"i", "you", "not", "with", "have", "has", "this", "are", "was", "can", "we", "please", "when", "what",
			"but", "does", "do", "from", "at", "be", "on", "an", "will", "would", "our", "your", "after", "since",
			"there", "they", "it's", "i'm", "don't", "cannot", "can't", "doesn't", "isn't", "won't", "again", "still",
			"how", "why", "which", "thanks", "thank", "hello", "hi", "could", "should", "been", "any", "all", "me");

	private static final int RO = 1;

	private static final int EO = 2;

	private static final int EN = 4;

	/** The three lists in one, each word with the languages it counts for: one lookup a word. */
	private static final java.util.Map<String, Integer> WORDS = words();

	private static java.util.Map<String, Integer> words() {
		java.util.Map<String, Integer> words = new java.util.HashMap<>();
		RO_WORDS.forEach(w -> words.merge(w, RO, (a, b) -> a | b));
		EO_WORDS.forEach(w -> words.merge(w, EO, (a, b) -> a | b));
		EN_WORDS.forEach(w -> words.merge(w, EN, (a, b) -> a | b));
		return java.util.Map.copyOf(words);
	}

	// Words the languages share ("a", "la", "de", "in", "en", "un", "o", "mi", "ne" in two of them) are left out or
	// counted for one only, so they cannot tip a guess.

	private LanguageGuess() {
	}

	/**
	 * The language of {@code text}, or of {@code fallbackLocale} (a contact's locale, {@code zh-Hans} → {@code zh})
	 * when the text does not say.
	 */
	public static String of(String text, String fallbackLocale) {
		String sure = sure(text);
		return sure != null ? sure : SearchLanguages.analyzerFor(fallbackLocale);
	}

	/** The language the text is certainly in, or null when it says too little. */
	public static String sure(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		int end = Math.min(text.length(), SAMPLE);
		int letters = 0;
		int han = 0;
		int tamil = 0;
		int latin = 0;
		for (int i = 0; i < end;) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (!Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK
					&& Character.getType(c) != Character.COMBINING_SPACING_MARK) {
				continue;
			}
			letters++;
			Character.UnicodeScript script = Character.UnicodeScript.of(c);
			if (script == Character.UnicodeScript.HAN) {
				han++;
			}
			else if (script == Character.UnicodeScript.TAMIL) {
				tamil++;
			}
			else if (script == Character.UnicodeScript.LATIN) {
				latin++;
			}
		}
		if (letters == 0) {
			return null;
		}
		// Chinese needs fewer characters than Latin letters for the same words: a Han character is worth three
		if (han * 3 >= letters * SCRIPT_SHARE && han * 3 >= latin) {
			return SearchLanguages.ZH;
		}
		if (tamil >= letters * SCRIPT_SHARE && tamil >= latin) {
			return SearchLanguages.TA;
		}
		if (latin < letters * SCRIPT_SHARE) {
			return letters - latin - han - tamil > latin ? SearchLanguages.ANY : null;
		}
		return latinLanguage(text, end);
	}

	/**
	 * Scores the Latin-script languages in one pass over the text, lower-cased as it is read: Romanian's and
	 * Esperanto's own letters, Esperanto's x-system ("sx" for ŝ), and each language's short words (a word is a run
	 * of letters and apostrophes).
	 */
	private static String latinLanguage(String text, int end) {
		int ro = 0;
		int eo = 0;
		int en = 0;
		StringBuilder word = new StringBuilder(LONGEST_WORD + 1);
		boolean longWord = false;
		int previous = 0;
		for (int i = 0; i <= end;) {
			int c = i < end ? Character.toLowerCase(text.codePointAt(i)) : ' ';
			i += i < end ? Character.charCount(text.codePointAt(i)) : 1;
			switch (c) {
				case 'ș', 'ț', 'ş', 'ţ', 'ă', 'â', 'î' -> ro += 2;
				case 'ĉ', 'ĝ', 'ĥ', 'ĵ', 'ŝ', 'ŭ' -> eo += 2;
				case 'x' -> {
					if ("cghjsu".indexOf(previous) >= 0) {
						eo += 2;
					}
				}
				default -> {
				}
			}
			previous = c;
			if (Character.isLetter(c) || c == '\'') {
				if (word.length() > LONGEST_WORD) {
					longWord = true;
				}
				else {
					word.appendCodePoint(c);
				}
				continue;
			}
			if (!word.isEmpty() && !longWord) {
				Integer languages = WORDS.get(word.toString());
				if (languages != null) {
					ro += (languages & RO) != 0 ? 2 : 0;
					eo += (languages & EO) != 0 ? 2 : 0;
					en += (languages & EN) != 0 ? 2 : 0;
				}
			}
			word.setLength(0);
			longWord = false;
		}
		int best = Math.max(en, Math.max(ro, eo));
		int second = en + ro + eo - best - Math.min(en, Math.min(ro, eo));
		if (best < ENOUGH || best - second < 2 || best < second * 3 / 2) {
			return null;
		}
		return best == en ? SearchLanguages.EN : best == ro ? SearchLanguages.RO : SearchLanguages.EO;
	}
}
