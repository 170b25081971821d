package io.rapport.web;

import java.util.Locale;

import org.springframework.stereotype.Component;

/** Small formatting the templates need: avatar initials and file sizes. Used as {@code @format}. */
@Component("format")
public class PageFormat {

	/** One or two letters for an avatar, by code point, so names in any script keep whole characters. */
	public String initials(String name) {
		if (name == null || name.isBlank()) {
			return "?";
		}
		String[] words = name.strip().split("\\s+");
		String initials = first(words[0]) + (words.length > 1 ? first(words[words.length - 1]) : "");
		return initials.toUpperCase(Locale.ROOT);
	}

	public String bytes(long size) {
		if (size < 1024) {
			return size + " B";
		}
		if (size < 1024 * 1024) {
			return Math.round(size / 1024.0) + " KB";
		}
		return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
	}

	private static String first(String word) {
		return word.substring(0, word.offsetByCodePoints(0, 1));
	}
}
