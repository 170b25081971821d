package io.rapport.channels.email.mime;

import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text of an HTML mail as a person would read it: paragraphs and line breaks kept, spaces collapsed, no
 * markup. Used for the text of HTML-only mail (search, excerpts, notifications) and of its quoted history.
 */
final class HtmlText implements NodeVisitor {

	private static final Set<String> BLOCKS = Set.of("p", "div", "table", "tr", "ul", "ol", "li", "h1", "h2", "h3",
			"h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer", "dl", "dt", "dd",
			"address", "center", "form");

	private final StringBuilder out = new StringBuilder();

	private int pre;

	private HtmlText() {
	}

	static String render(Element root) {
		HtmlText visitor = new HtmlText();
		NodeTraversor.traverse(visitor, root);
		return tidy(visitor.out);
	}

	@Override
	public void head(Node node, int depth) {
		if (node instanceof TextNode text) {
			appendText(pre > 0 ? text.getWholeText() : text.text());
		}
		else if (node instanceof Element element) {
			String name = element.normalName();
			if (name.equals("br")) {
				out.append('\n');
			}
			else if (name.equals("td") || name.equals("th")) {
				out.append(' ');
			}
			else if (BLOCKS.contains(name)) {
				newline();
			}
			if (name.equals("pre")) {
				pre++;
			}
		}
	}

	@Override
	public void tail(Node node, int depth) {
		if (node instanceof Element element) {
			String name = element.normalName();
			if (name.equals("pre")) {
				pre--;
			}
			if (name.equals("p") || name.startsWith("h") && name.length() == 2) {
				newline();
				out.append('\n');
			}
			else if (BLOCKS.contains(name)) {
				newline();
			}
		}
	}

	private void appendText(String text) {
		if (text.isEmpty()) {
			return;
		}
		if (pre == 0 && (out.isEmpty() || out.charAt(out.length() - 1) == '\n')) {
			text = text.stripLeading();
		}
		out.append(text);
	}

	private void newline() {
		if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
			out.append('\n');
		}
	}

	/** Trailing spaces off each line, at most one blank line in a row, no image placeholders, no blank ends. */
	private static String tidy(CharSequence raw) {
		StringBuilder out = new StringBuilder(raw.length());
		int newlines = 0;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '\uE000') {
				while (i < raw.length() && raw.charAt(i) != '\uE001') {
					i++;
				}
				continue;
			}
			if (c == '\n') {
				while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
					out.setLength(out.length() - 1);
				}
				if (++newlines > 2) {
					continue;
				}
			}
			else {
				newlines = 0;
			}
			out.append(c);
		}
		return out.toString().strip();
	}
}
