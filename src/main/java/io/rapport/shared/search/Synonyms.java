package io.rapport.shared.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The synonym groups of one locale: each group a set of terms (words or short phrases) that mean the same, such
 * as {@code sign in, log in, login}. A query's words are expanded at query time ({@link LocalizedQuery}), so an
 * edit takes effect at the next search on both backends with no reindexing. Terms are compared lowercased with
 * Latin accents folded, so "Parolă" and "parola" are the same term; Tamil and Chinese letters are left as they are.
 */
public final class Synonyms {

	private static final Synonyms NONE = new Synonyms(List.of());

	private final List<List<String>> groups;

	private Synonyms(List<List<String>> groups) {
		this.groups = groups;
	}

	public static Synonyms none() {
		return NONE;
	}

	/** Groups of equivalent terms; blank terms are dropped, and a group needs two different terms to count. */
	public static Synonyms of(List<? extends List<String>> groups) {
		List<List<String>> kept = new ArrayList<>();
		for (List<String> group : groups) {
			Set<String> seen = new LinkedHashSet<>();
			List<String> terms = new ArrayList<>();
			for (String term : group) {
				String cleaned = term == null ? "" : String.join(" ", words(term));
				if (!cleaned.isEmpty() && seen.add(key(cleaned))) {
					terms.add(cleaned);
				}
			}
			if (terms.size() > 1) {
				kept.add(List.copyOf(terms));
			}
		}
		return kept.isEmpty() ? NONE : new Synonyms(List.copyOf(kept));
	}

	public List<List<String>> groups() {
		return groups;
	}

	public boolean isEmpty() {
		return groups.isEmpty();
	}

	/**
	 * The alternatives of the words {@code words[start..]}: the longest run of words that is a term of a group,
	 * with the group's terms (the run itself first); or the single word {@code words[start]} alone when no group
	 * has it. {@link Match#length()} tells how many words the run took.
	 */
	public Match at(List<String> words, int start) {
		int bestLength = 0;
		List<String> best = null;
		for (List<String> group : groups) {
			for (String term : group) {
				List<String> termWords = words(term);
				int n = termWords.size();
				if (n <= bestLength || start + n > words.size()) {
					continue;
				}
				boolean same = true;
				for (int i = 0; i < n && same; i++) {
					same = key(termWords.get(i)).equals(key(words.get(start + i)));
				}
				if (same) {
					bestLength = n;
					best = group;
				}
			}
		}
		List<String> alternatives = new ArrayList<>();
		if (best == null) {
			alternatives.add(words.get(start));
			alternatives.addAll(inside(words.get(start)));
			return new Match(1, alternatives);
		}
		String run = String.join(" ", words.subList(start, start + bestLength));
		alternatives.add(run);
		for (String term : best) {
			if (!key(term).equals(key(run))) {
				alternatives.add(term);
			}
		}
		return new Match(bestLength, alternatives);
	}

	/**
	 * Chinese is written without spaces, so one "word" of a query is often a phrase: "重置密码" holds the term 密码;
	 * each term of a group found inside a word of Han characters gives the word with that term replaced by the
	 * group's other terms ("重置口令").
	 */
	private List<String> inside(String word) {
		if (word.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
			return List.of();
		}
		List<String> variants = new ArrayList<>();
		for (List<String> group : groups) {
			for (String term : group) {
				if (term.length() < word.length() && word.contains(term)) {
					for (String other : group) {
						if (!other.equals(term)) {
							variants.add(word.replace(term, other));
						}
					}
				}
			}
		}
		return variants;
	}

	/** The comparison key of a term: lowercased, Latin accents folded (ș → s), other scripts unchanged. */
	static String key(String term) {
		String lower = term.toLowerCase(Locale.ROOT);
		char[] out = new char[lower.length() * 4];
		int length = ASCIIFoldingFilter.foldToASCII(lower.toCharArray(), 0, out, 0, lower.length());
		return new String(out, 0, length);
	}

	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String w : text.strip().split("\\s+")) {
			if (!w.isEmpty()) {
				words.add(w);
			}
		}
		return words;
	}

	/** A run of {@code length} query words and the terms it may be replaced by (the run first). */
	public static final class Match {

		private final int length;

		private final List<String> alternatives;

		Match(int length, List<String> alternatives) {
			this.length = length;
			this.alternatives = List.copyOf(alternatives);
		}

		public int length() {
			return length;
		}

		public List<String> alternatives() {
			return alternatives;
		}

	}

}
