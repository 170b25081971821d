package io.rapport.channels.email.mime;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * The language of a mail for a contact's first {@code locale}: its {@code Content-Language}, else a guess from the
 * charset its text came in (GB18030 or Big5 mean Chinese) and from the letters only one language Rapport speaks
 * uses (Romanian ș ț ă, Tamil script, Esperanto ĉ ĝ ŝ ŭ). Null when nothing tells.
 */
final class Languages {

	private Languages() {
	}

	static Locale guess(String contentLanguage, Charset charset, String text) {
		if (contentLanguage != null && !contentLanguage.isBlank()) {
			String first = contentLanguage.split("[,;]")[0].strip();
			Locale locale = Locale.forLanguageTag(first.replace('_', '-'));
			if (!locale.getLanguage().isEmpty()) {
				return Locale.forLanguageTag(locale.getLanguage());
			}
		}
		String name = charset == null ? "" : charset.name().toLowerCase(Locale.ROOT);
		if (name.startsWith("gb") || name.startsWith("big5") || name.equals("hz-gb-2312")) {
			return Locale.forLanguageTag("zh");
		}
		if (name.equals("shift_jis") || name.equals("windows-31j") || name.startsWith("euc-jp")
				|| name.startsWith("iso-2022-jp")) {
			return Locale.forLanguageTag("ja");
		}
		return text == null ? null : byLetters(text);
	}

	private static Locale byLetters(String text) {
		int romanian = 0;
		int esperanto = 0;
		int tamil = 0;
		int han = 0;
		int kana = 0;
		int limit = Math.min(text.length(), 20_000);
		for (int i = 0; i < limit; i++) {
			char c = text.charAt(i);
			if ("șțăȘȚĂşţŞŢ".indexOf(c) >= 0) {
				romanian++;
			}
			else if ("ĉĝĥĵŝŭĈĜĤĴŜŬ".indexOf(c) >= 0) {
				esperanto++;
			}
			else if (c >= '\u0B80' && c <= '\u0BFF') {
				tamil++;
			}
			else if (c >= '\u4E00' && c <= '\u9FFF') {
				han++;
			}
			else if (c >= '\u3040' && c <= '\u30FF') {
				kana++;
			}
		}
		if (tamil > 0) {
			return Locale.forLanguageTag("ta");
		}
		if (kana > 0) {
			return Locale.JAPANESE;
		}
		if (han > 0) {
			return Locale.forLanguageTag("zh");
		}
		if (romanian >= 2) {
			return Locale.forLanguageTag("ro");
		}
		return esperanto >= 2 ? Locale.forLanguageTag("eo") : null;
	}
}
