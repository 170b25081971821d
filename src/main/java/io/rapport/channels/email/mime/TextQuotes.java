package io.rapport.channels.email.mime;

import java.util.List;
import java.util.Locale;

/**
 * Cuts the quoted history and signature off the end of a plain-text reply: the attribution line of each language
 * Rapport speaks ("On ... wrote:", "在 … 写道：", "... a scris:", "Am ... schrieb ...:", "... skribis:"), Outlook's
 * "-----Original Message-----" and "From:/Sent:" blocks, the signature delimiter {@code -- }, and a trailing block
 * of {@code >} lines. Lines are compared with prefixes and suffixes only, so a hostile megabyte line costs one scan.
 * Nothing is cut when no new text would be left before the cut.
 */
final class TextQuotes {

	private static final List<String> ATTRIBUTION_ENDS = List.of("wrote:", "写道：", "写道:", "寫道：", "寫道:",
			"a scris:", "schrieb:", "skribis:", "a écrit :", "a écrit:", "escribió:", "scrisse:", "schreef:", "எழுதினார்:");

	private static final List<String> ORIGINAL = List.of("-----original message-----", "----- original message -----",
			"-----ursprüngliche nachricht-----", "-----mesaj original-----", "-------- original message --------",
			"-------- forwarded message --------", "------------------ 原始邮件 ------------------");

	private static final List<String> FROM = List.of("from:", "de:", "von:", "发件人:", "发件人：", "寄件者:");

	private static final List<String> SENT = List.of("sent:", "date:", "gesendet:", "trimis:", "发送时间:", "发送时间：",
			"envoyé :", "data:");

	private TextQuotes() {
	}

	/** {@code [new text, quoted text]}; the second is null when nothing is quoted. */
	static String[] split(String text) {
		String[] lines = text.split("\n", -1);
		int lastUnquoted = -1;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (!line.isEmpty() && !line.startsWith(">")) {
				lastUnquoted = i;
			}
		}
		for (int i = 1; i < lines.length; i++) {
			if (startsQuote(lines, i, lastUnquoted)) {
				String kept = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, i)).strip();
				if (kept.isEmpty()) {
					return new String[] { text, null };
				}
				String quoted = String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length)).strip();
				return new String[] { kept, quoted.isEmpty() ? null : quoted };
			}
		}
		return new String[] { text, null };
	}

	private static boolean startsQuote(String[] lines, int i, int lastUnquoted) {
		String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
		if (raw.equals("-- ") || raw.equals("--")) {
			return true;
		}
		String line = raw.strip();
		if (line.startsWith(">")) {
			return i > lastUnquoted;
		}
		if (line.isEmpty() || line.length() > 400) {
			return false;
		}
		String lower = line.toLowerCase(Locale.ROOT);
		String next = next(lines, i);
		return isAttribution(lower) || lower.startsWith("on ") && next.endsWith("wrote:") && next.length() < 200
				|| startsWithAny(lower, ORIGINAL) || isOutlookHeader(lines, i, lower, next);
	}

	private static boolean isAttribution(String lower) {
		if (lower.startsWith("am ") && lower.contains(" schrieb ") && lower.endsWith(":")) {
			return true;
		}
		for (String end : ATTRIBUTION_ENDS) {
			if (lower.endsWith(end)) {
				return lower.startsWith("on ") || lower.startsWith("am ") || lower.startsWith("le ")
						|| lower.startsWith("在") || lower.startsWith("la ") || lower.startsWith("el ")
						|| lower.startsWith("il ") || lower.startsWith("op ") || !end.equals("wrote:");
			}
		}
		return false;
	}

	/** "From: ..." followed by "Sent:"/"Date:" within three lines, or a line of underscores before such a block. */
	private static boolean isOutlookHeader(String[] lines, int i, String lower, String next) {
		if (lower.length() >= 10 && lower.chars().allMatch(c -> c == '_')) {
			return startsWithAny(next, FROM);
		}
		if (!startsWithAny(lower, FROM)) {
			return false;
		}
		for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
			if (startsWithAny(lines[j].strip().toLowerCase(Locale.ROOT), SENT)) {
				return true;
			}
		}
		return false;
	}

	private static String next(String[] lines, int i) {
		for (int j = i + 1; j < lines.length; j++) {
			if (!lines[j].isBlank()) {
				String line = lines[j].strip();
				return line.length() > 400 ? "" : line.toLowerCase(Locale.ROOT);
			}
		}
		return "";
	}

	private static boolean startsWithAny(String lower, List<String> prefixes) {
		for (String prefix : prefixes) {
			if (lower.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}
}
