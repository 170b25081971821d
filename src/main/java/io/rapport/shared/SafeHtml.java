package io.rapport.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns what people write (text or HTML from a browser, an email or the API) into HTML that is safe to show.
 * Sanitizing happens once, when a body is stored, so every page and API response reads the same inert markup.
 */
public final class SafeHtml {

	private static final String LINK_REL = "nofollow noopener noreferrer";

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "strike", "sub", "sup",
				"blockquote", "pre", "code", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table",
				"thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href").onElements("a")
		.requireRelsOnLinks(LINK_REL.split(" "))
		.allowAttributes("colspan", "rowspan").matching(Pattern.compile("\\d{1,3}")).onElements("td", "th")
		.toFactory();

	/**
	 * Images in received mail: remote (shown only on request), inline ({@code cid:}, an attachment of the message)
	 * or embedded raster data. Nothing but the source and plain sizes survives.
	 */
	private static final PolicyFactory WITH_IMAGES = POLICY.and(new HtmlPolicyBuilder()
		.allowElements("img")
		.allowUrlProtocols("http", "https", "cid", "data")
		.allowAttributes("src").matching(Pattern.compile(
				"(?i)(https?://|cid:|data:image/(png|gif|jpeg|webp);base64,)[^\\s\"'<>`]+"))
		.onElements("img")
		.allowAttributes("alt", "title").onElements("img")
		.allowAttributes("width", "height").matching(Pattern.compile("\\d{1,4}")).onElements("img")
		.toFactory());

	private static final String KNOWN = "(p|div|br|b|i|u|s|strong|em|ul|ol|li|a|h[1-6]|blockquote|pre|code|table|tr|td|th"
			+ "|span|img|hr|html|body|font)";

	/** A closing tag, a void element, or an opening tag with a quoted attribute: what real HTML has and prose has not. */
	private static final Pattern HTML_EVIDENCE = Pattern.compile("</" + KNOWN + "\\s*>|<(br|hr|img)\\b[^>]*>|<" + KNOWN
			+ "(\\s+[\\w-]+\\s*=\\s*(\"[^\"]*\"|'[^']*'))+\\s*/?>", Pattern.CASE_INSENSITIVE);

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)]");

	private SafeHtml() {
	}

	/** Sanitizes HTML: no scripts, no event handlers, no styles, links only to http, https and mailto. */
	public static String sanitize(String html) {
		return POLICY.sanitize(html == null ? "" : html);
	}

	/** Sanitizes HTML as {@link #sanitize} does, keeping images (http, https, cid and raster data sources). */
	public static String sanitizeWithImages(String html) {
		return WITH_IMAGES.sanitize(html == null ? "" : html);
	}

	/**
	 * Escapes plain text and keeps its paragraphs, line breaks and links. The result is built safe (every character
	 * that could open markup is escaped; links are http or https only), so it skips the sanitizer: text is what most
	 * messages are, and this is on the path of every ticket created.
	 */
	public static String fromText(String text) {
		String normalized = (text == null ? "" : text).replace("\r\n", "\n").strip();
		StringBuilder html = new StringBuilder();
		for (String paragraph : normalized.split("\n{2,}")) {
			if (paragraph.isBlank()) {
				continue;
			}
			html.append("<p>").append(linkify(escape(paragraph)).replace("\n", "<br />")).append("</p>");
		}
		return html.toString();
	}

	/** Text or HTML, whichever the body looks like: HTML when it carries a tag people write in mail and editors. */
	public static String fromEither(String body) {
		return looksLikeHtml(body) ? sanitize(body) : fromText(body);
	}

	public static boolean looksLikeHtml(String body) {
		return body != null && HTML_EVIDENCE.matcher(body).find();
	}

	/** A short plain-text excerpt of sanitized HTML, for lists and notifications. */
	public static String excerpt(String html, int maxLength) {
		String text = html.replaceAll("<br ?/?>|</p>|</div>|</li>", " ").replaceAll("<[^>]+>", "")
			.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
			.replace("&#39;", "'").replace("&#64;", "@").replace("&#61;", "=").replace("&#43;", "+")
			.replace("&#96;", "`").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
		return text.length() <= maxLength ? text : text.substring(0, maxLength - 1).stripTrailing() + "…";
	}

	public static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&#34;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static String linkify(String escaped) {
		Matcher matcher = URL.matcher(escaped);
		return matcher.replaceAll(match -> Matcher.quoteReplacement(
				"<a href=\"" + match.group() + "\" rel=\"" + LINK_REL + "\">" + match.group() + "</a>"));
	}
}
