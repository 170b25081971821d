package io.rapport.knowledge.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Article bodies: CommonMark with tables, rendered to HTML and then sanitized. Raw HTML in the source is shown as
 * text, never as markup; links are http, https, mailto or a path of ours; images only those uploaded to the
 * knowledge base ({@code /kb/images/{key}/{name}}). The sanitizer has the same rules as {@code SafeHtml} (no scripts,
 * event handlers, styles, iframes) plus those images and heading anchors.
 */
public final class Markdown {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
		.sanitizeUrls(true).build();

	/** Where uploaded images are served; the only image sources an article may show. */
	static final Pattern IMAGE_SOURCE = Pattern.compile("/kb/images/[A-Za-z0-9_-]{16,40}(/[\\p{L}\\p{N}_.-]{1,100})?");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "strike", "del", "sub", "sup",
				"blockquote", "pre", "code", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table",
				"thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a")
		// an image whose source is not one of ours is dropped whole, not kept without its source
		.allowElements((name, attributes) -> attributes.contains("src") ? name : null, "img")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href").onElements("a")
		.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
		.allowAttributes("src").matching(IMAGE_SOURCE).onElements("img")
		.allowAttributes("alt", "title").onElements("img")
		.allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
		.allowAttributes("colspan", "rowspan").matching(Pattern.compile("\\d{1,3}")).onElements("td", "th")
		.toFactory();

	private Markdown() {
	}

	/** The sanitized HTML of a Markdown source. */
	public static String toHtml(String markdown) {
		Node document = PARSER.parse(markdown == null ? "" : markdown);
		return POLICY.sanitize(HTML.render(document));
	}

	/**
	 * The words of a Markdown source without its markup, for the search index and excerpts: the text of the parsed
	 * document, one line per block, read from the syntax tree (rendering HTML to strip its tags again cost a
	 * reindex about as much as the parse; docs/benchmarks.md). Raw HTML stays as the text it is shown as; image
	 * descriptions, link targets and emphasis marks are left out.
	 */
	public static String toText(String markdown) {
		Node document = PARSER.parse(markdown == null ? "" : markdown);
		PlainText text = new PlainText();
		document.accept(text);
		return tidy(text.out);
	}

	/**
	 * Runs of spaces and tabs made one space, none at a line's start or end, and the whole stripped: one pass (two
	 * regular expressions over every body were a fifth of a search's snippets).
	 */
	static String tidy(CharSequence text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ' ' || c == '\t') {
				space = true;
			}
			else {
				if (space && c != '\n' && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
					out.append(' ');
				}
				space = false;
				out.append(c);
			}
		}
		return out.toString().strip();
	}

	/** Collects the literal text of a document; blocks end with a line break, table cells with a space. */
	private static final class PlainText extends AbstractVisitor {

		final StringBuilder out = new StringBuilder();

		@Override
		public void visit(Text text) {
			out.append(text.getLiteral());
		}

		@Override
		public void visit(Code code) {
			out.append(code.getLiteral());
		}

		@Override
		public void visit(HtmlInline html) {
			out.append(html.getLiteral());
		}

		@Override
		public void visit(SoftLineBreak lineBreak) {
			out.append('\n');
		}

		@Override
		public void visit(HardLineBreak lineBreak) {
			out.append('\n');
		}

		@Override
		public void visit(Image image) {
			// its description is an attribute in the page, not text
		}

		@Override
		public void visit(FencedCodeBlock code) {
			out.append(code.getLiteral()).append('\n');
		}

		@Override
		public void visit(IndentedCodeBlock code) {
			out.append(code.getLiteral()).append('\n');
		}

		@Override
		public void visit(HtmlBlock html) {
			out.append(html.getLiteral()).append('\n');
		}

		@Override
		public void visit(Paragraph paragraph) {
			block(paragraph);
		}

		@Override
		public void visit(Heading heading) {
			block(heading);
		}

		@Override
		public void visit(ListItem item) {
			block(item);
		}

		@Override
		public void visit(BlockQuote quote) {
			block(quote);
		}

		@Override
		public void visit(CustomBlock table) {
			block(table);
		}

		@Override
		public void visit(CustomNode node) {
			visitChildren(node);
			out.append(node instanceof TableRow ? '\n' : ' ');
		}

		private void block(Node node) {
			visitChildren(node);
			out.append('\n');
		}
	}

	/** The text of sanitized HTML (a ticket message), its paragraphs and line breaks kept. */
	public static String htmlToText(String html) {
		String text = (html == null ? "" : html).replaceAll("(?i)<br\\s*/?>", "\n")
			.replaceAll("(?i)</(p|div|li|h[1-6]|blockquote|tr)>", "\n\n").replaceAll("<[^>]+>", "");
		return unescape(text).replaceAll("[ \\t]+", " ").replaceAll(" ?\n ?", "\n").replaceAll("\n{3,}", "\n\n")
			.strip();
	}

	private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|lt|gt|amp|quot|apos);");

	private static String unescape(String html) {
		return ENTITY.matcher(html).replaceAll(m -> {
			String e = m.group(1);
			String c = switch (e) {
				case "lt" -> "<";
				case "gt" -> ">";
				case "amp" -> "&";
				case "quot" -> "\"";
				case "apos" -> "'";
				default -> {
					int code = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
					yield Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : " ";
				}
			};
			return java.util.regex.Matcher.quoteReplacement(c);
		});
	}

	/** A short excerpt of the text of a Markdown source. */
	public static String excerpt(String markdown, int maxLength) {
		String text = WHITESPACE.matcher(toText(markdown)).replaceAll(" ");
		return text.length() <= maxLength ? text : text.substring(0, maxLength - 1).stripTrailing() + "…";
	}
}
