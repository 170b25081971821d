package io.rapport.tickets.internal.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of a stored (already sanitized) HTML body, for the index: tags gone, entities read, blocks apart. */
final class HtmlText {

	private static final Pattern BLOCK_END = Pattern
		.compile("(?i)<br\\s*/?>|</(p|div|li|tr|td|th|h[1-6]|blockquote|pre|ul|ol|table)>");

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");

	private HtmlText() {
	}

	static String of(String html) {
		if (html == null || html.isEmpty()) {
			return "";
		}
		String text = TAG.matcher(BLOCK_END.matcher(html).replaceAll("\n")).replaceAll("");
		Matcher entities = ENTITY.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (entities.find()) {
			entities.appendReplacement(out, Matcher.quoteReplacement(entity(entities.group(1))));
		}
		entities.appendTail(out);
		return out.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n[\\n ]*", "\n").strip();
	}

	private static String entity(String name) {
		try {
			if (name.startsWith("#x") || name.startsWith("#X")) {
				return Character.toString(Integer.parseInt(name.substring(2), 16));
			}
			if (name.startsWith("#")) {
				return Character.toString(Integer.parseInt(name.substring(1)));
			}
		}
		catch (IllegalArgumentException e) {
			return " ";
		}
		switch (name) {
			case "amp":
				return "&";
			case "lt":
				return "<";
			case "gt":
				return ">";
			case "quot":
				return "\"";
			case "apos":
				return "'";
			case "nbsp":
				return " ";
			default:
				return " ";
		}
	}
}
