package io.rapport.channels.email.mime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.rapport.shared.SafeHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Reads the HTML part of a mail: counts its remote images (kept in the markup, but the ticket page blocks them until
 * an agent asks: tracking pixels, privacy), keeps its {@code cid:} images as {@code <img src="cid:...">} pointing at
 * the mail's own parts, cuts the quoted history off the end (see {@link HtmlQuotes}), renders both halves as plain text, and
 * passes both through {@link SafeHtml}.
 */
final class HtmlBody {

	/** Marks where a {@code cid:} image stood while the HTML goes through the sanitizer; private-use characters. */
	private static final char OPEN = '\uE000';

	private static final char CLOSE = '\uE001';

	final String html;

	final String text;

	final String quotedHtml;

	final String quotedText;

	final int remoteImages;

	final Set<String> contentIds;

	private HtmlBody(String html, String text, String quotedHtml, String quotedText, int remoteImages,
			Set<String> contentIds) {
		this.html = html;
		this.text = text;
		this.quotedHtml = quotedHtml;
		this.quotedText = quotedText;
		this.remoteImages = remoteImages;
		this.contentIds = contentIds;
	}

	static HtmlBody read(String raw) {
		String source = raw.indexOf(OPEN) >= 0 || raw.indexOf(CLOSE) >= 0
				? raw.replace(OPEN, ' ').replace(CLOSE, ' ') : raw;
		Document document = Jsoup.parse(source);
		document.select("script, style, head, title, noscript, template").remove();
		Element body = document.body();
		int remote = 0;
		List<String> ids = new ArrayList<>();
		for (Element image : body.select("img")) {
			String src = image.attr("src").strip().toLowerCase(Locale.ROOT);
			if (src.startsWith("http:") || src.startsWith("https:") || src.startsWith("//")) {
				remote++;
			}
			else if (src.startsWith("cid:")) {
				String id = safeId(image.attr("src").strip().substring(4));
				if (!id.isEmpty()) {
					image.replaceWith(new TextNode(String.valueOf(OPEN) + ids.size() + CLOSE));
					ids.add(id);
				}
			}
		}
		Element quoted = HtmlQuotes.cut(body);
		String quotedHtml = quoted == null ? null : restore(SafeHtml.sanitizeWithImages(quoted.html()), ids);
		String quotedText = quoted == null ? null : HtmlText.render(quoted);
		return new HtmlBody(restore(SafeHtml.sanitizeWithImages(body.html()), ids), HtmlText.render(body), quotedHtml,
				quotedText, remote, new LinkedHashSet<>(ids));
	}

	/** A Content-ID as it may stand in an attribute: no quotes, brackets or spaces, percent-escapes read. */
	static String safeId(String id) {
		String decoded = id;
		if (id.indexOf('%') >= 0) {
			try {
				decoded = java.net.URLDecoder.decode(id.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				decoded = id;
			}
		}
		StringBuilder out = new StringBuilder(decoded.length());
		for (int i = 0; i < decoded.length() && out.length() < 250; i++) {
			char c = decoded.charAt(i);
			if (c < 128 && (Character.isLetterOrDigit(c) || "@._-$+=!~*:/".indexOf(c) >= 0)) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String restore(String sanitized, List<String> ids) {
		if (ids.isEmpty() || sanitized.indexOf(OPEN) < 0) {
			return sanitized;
		}
		StringBuilder out = new StringBuilder(sanitized.length() + ids.size() * 40);
		int i = 0;
		while (i < sanitized.length()) {
			char c = sanitized.charAt(i);
			int close = c == OPEN ? sanitized.indexOf(CLOSE, i) : -1;
			if (close > i + 1 && close - i < 8) {
				int index = Integer.parseInt(sanitized.substring(i + 1, close));
				out.append("<img src=\"cid:").append(SafeHtml.escape(ids.get(index))).append("\" alt=\"\" />");
				i = close + 1;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}
}
