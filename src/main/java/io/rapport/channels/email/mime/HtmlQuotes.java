package io.rapport.channels.email.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds where the quoted history of an HTML reply starts, the way each client marks it: Gmail's
 * {@code div.gmail_quote}, Outlook's {@code div#divRplyFwdMsg} and {@code border-top} "From:" block and
 * "-----Original Message-----", Apple Mail's and Thunderbird's {@code blockquote type=cite} and
 * {@code .moz-cite-prefix}, and the signature blocks of Gmail and Thunderbird. Everything from there to the end
 * moves into a separate element, so it is collapsed, never lost. Nothing is cut when that would leave no new text
 * (a forward whose point is the quoted mail).
 */
final class HtmlQuotes {

	private static final List<String> FROM_LINES = List.of("from:", "de:", "de :", "von:", "发件人:", "发件人：",
			"寄件者:", "寄件者：", "van:", "da:");

	private static final List<String> ORIGINAL = List.of("-----original message-----", "----- original message -----",
			"-----ursprüngliche nachricht-----", "-----mesaj original-----", "------------------ 原始邮件 ------------------");

	private HtmlQuotes() {
	}

	/** Moves the quoted tail of {@code body} into a new element and returns it, or null when there is none. */
	static Element cut(Element body) {
		Element marker = null;
		for (Element element : body.getAllElements()) {
			if (element != body && isMarker(element)) {
				marker = element;
				break;
			}
		}
		if (marker == null) {
			return null;
		}
		Element start = withLeadIn(marker);
		List<Node> tail = new ArrayList<>();
		for (Node node = start; node != null && node != body; node = node.parent()) {
			for (Node sibling = node == start ? node : node.nextSibling(); sibling != null;
					sibling = sibling.nextSibling()) {
				tail.add(sibling);
			}
		}
		if (!hasTextBefore(body, start)) {
			return null;
		}
		Element quoted = new Element("div");
		for (Node node : tail) {
			node.remove();
			quoted.appendChild(node);
		}
		return quoted;
	}

	private static boolean isMarker(Element element) {
		String id = element.id();
		if (element.hasClass("gmail_quote") || element.hasClass("gmail_signature") || element.hasClass("moz-cite-prefix")
				|| element.hasClass("moz-signature") || id.equals("divRplyFwdMsg") || id.equals("appendonsend")
				|| element.hasClass("yahoo_quoted") || element.hasClass("protonmail_quote")) {
			return true;
		}
		if (element.nameIs("blockquote") && element.attr("type").equalsIgnoreCase("cite")) {
			return true;
		}
		String style = element.attr("style");
		if (!style.isEmpty() && style.toLowerCase(Locale.ROOT).contains("border-top")
				&& startsWithAny(element.text(), FROM_LINES)) {
			return true;
		}
		String own = element.ownText();
		return own.length() < 200 && startsWithAny(own.strip(), ORIGINAL);
	}

	/** Outlook puts an {@code <hr>} before its reply header; Apple Mail an "On ... wrote:" line before the quote. */
	private static Element withLeadIn(Element marker) {
		Element previous = marker.previousElementSibling();
		if (previous == null) {
			return marker;
		}
		if (previous.nameIs("hr")) {
			return previous;
		}
		String text = previous.text().strip();
		boolean attribution = marker.nameIs("blockquote") && text.length() < 300
				&& (text.endsWith(":") || text.endsWith("："));
		return attribution ? previous : marker;
	}

	private static boolean startsWithAny(String text, List<String> prefixes) {
		String head = text.length() > 60 ? text.substring(0, 60) : text;
		String lower = head.strip().toLowerCase(Locale.ROOT);
		for (String prefix : prefixes) {
			if (lower.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** Whether anything people read (words, an inline image) comes before {@code first}. */
	private static boolean hasTextBefore(Element body, Node first) {
		for (Node node = first; node != null && node != body; node = node.parent()) {
			for (Node sibling = node.previousSibling(); sibling != null; sibling = sibling.previousSibling()) {
				String words = sibling instanceof Element element ? element.text()
						: sibling instanceof TextNode textNode ? textNode.text() : "";
				if (!words.isBlank() || words.indexOf('\uE000') >= 0) {
					return true;
				}
			}
		}
		return false;
	}
}
