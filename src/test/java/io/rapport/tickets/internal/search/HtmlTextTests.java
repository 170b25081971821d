package io.rapport.tickets.internal.search;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored body's words for the index, read in one pass as the regular expressions it replaced read them. */
class HtmlTextTests {

	@Test
	void shouldKeepTheWordsWithBlocksOnTheirOwnLines() {
		assertThat(HtmlText.of("<p>Hello <b>Ana</b>,</p><p>the export&nbsp;fails &amp; the CSV is empty.<br/>"
				+ "Thanks</p><ul><li>one</li><li>two &lt;three&gt;</li></ul>"))
			.isEqualTo("Hello Ana,\nthe export fails & the CSV is empty.\nThanks\none\ntwo <three>");
		assertThat(HtmlText.of("a &#x4e2d;&#25991; &bogus; &; & b < c")).isEqualTo("a 中文 &; & b < c");
		assertThat(HtmlText.of("  \n <div>\t x \r\n\n y </div> ")).isEqualTo("x\ny");
		assertThat(HtmlText.of(null)).isEmpty();
	}

	/** Bodies are sanitized when stored, so a {@code <} there always opens a tag (text has {@code &lt;}). */
	@Test
	void shouldReadAnyBodyAsTheRegularExpressionsDid() {
		String[] pieces = { "<p>", "</p>", "<br>", "<BR />", "<br class=x>", "</div>", "</DIV>", "<a href=\"x\">", "</a>",
				"</td>", "</h3>", ">", "&amp;", "&lt;", "&#65;", "&#x1F600;", "&#x110000;", "&nbsp;", "&abcdefghi;",
				"&a;", "&", ";", " ", "  ", "\t", "\r", "\n", "\n\n", "\u000B", "\f", "word", "ș", "中文", "’" };
		Random random = new Random(20261202);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder html = new StringBuilder();
			for (int k = random.nextInt(12); k >= 0; k--) {
				html.append(pieces[random.nextInt(pieces.length)]);
			}
			assertThat(HtmlText.of(html.toString())).as(html.toString()).isEqualTo(regexes(html.toString()));
		}
	}

	private static final Pattern BLOCK_END = Pattern
		.compile("(?i)<br\\s*/?>|</(p|div|li|tr|td|th|h[1-6]|blockquote|pre|ul|ol|table)>");

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");

	/** HtmlText.of until 2026-12-02. */
	private static String regexes(String html) {
		String text = TAG.matcher(BLOCK_END.matcher(html).replaceAll("\n")).replaceAll("");
		Matcher entities = ENTITY.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (entities.find()) {
			String name = entities.group(1);
			String value;
			try {
				value = name.startsWith("#x") || name.startsWith("#X")
						? Character.toString(Integer.parseInt(name.substring(2), 16))
						: name.startsWith("#") ? Character.toString(Integer.parseInt(name.substring(1)))
								: switch (name) {
									case "amp" -> "&";
									case "lt" -> "<";
									case "gt" -> ">";
									default -> " ";
								};
			}
			catch (IllegalArgumentException e) {
				value = " ";
			}
			entities.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		entities.appendTail(out);
		return out.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n[\\n ]*", "\n").strip();
	}
}
