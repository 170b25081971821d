package io.rapport.tickets.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sanitized HTML as plain text, for the text part of a mail: paragraphs and line breaks kept, a link's address
 * written after its words, pictures as their description, quotes marked with {@code >}.
 */
final class PlainText {

	private static final Pattern LINK = Pattern.compile("<a\\b[^>]*?href=\"([^\"]*)\"[^>]*>(.*?)</a>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern IMAGE_ALT = Pattern.compile("<img\\b[^>]*?alt=\"([^\"]*)\"[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern BLOCKQUOTE = Pattern.compile("<blockquote\\b[^>]*>(.*?)</blockquote>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private PlainText() {
	}

	static String of(String html) {
		if (html == null) {
			return "";
		}
		String text = LINK.matcher(html).replaceAll(match -> {
			String label = match.group(2).replaceAll("<[^>]+>", "");
			// the address is written escaped, so the tag stripping below keeps it
			String href = InlineImages.unescape(match.group(1));
			return Matcher.quoteReplacement(InlineImages.unescape(label).strip().equals(href) ? label
					: label + " &lt;" + match.group(1) + "&gt;");
		});
		text = IMAGE_ALT.matcher(text).replaceAll(match -> Matcher.quoteReplacement("[" + match.group(1) + "]"));
		text = BLOCKQUOTE.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
				"\n" + lines(match.group(1)).replaceAll("(?m)^", "> ") + "\n"));
		return lines(text);
	}

	private static String lines(String html) {
		String text = html.replaceAll("(?i)<br\\s*/?>", "\n")
			.replaceAll("(?i)</(p|div|h[1-6]|ul|ol|table|pre)>", "\n\n")
			.replaceAll("(?i)<li\\b[^>]*>", "- ")
			.replaceAll("(?i)</(li|tr)>", "\n")
			.replaceAll("<[^>]+>", "");
		text = InlineImages.unescape(text).replace("&#39;", "'").replace("&nbsp;", " ");
		return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}
}
