package io.rapport.tickets.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A received mail's pictures as the reader sees them: {@code cid:<id>} points to the attachment with that
 * Content-ID, at the download URL of the reader's side (workspace or portal); remote pictures can be blocked, so
 * that opening a ticket tells no sender that it was read.
 */
final class InlineImages {

	private static final Pattern CID = Pattern.compile("(<img\\b[^>]*?\\bsrc=\")cid:([^\"]+)(\")",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern REMOTE = Pattern.compile("<img\\b[^>]*?\\bsrc=\"https?:[^\"]*\"[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ENTITY = Pattern.compile("&#(\\d{1,6});");

	private InlineImages() {
	}

	/**
	 * The HTML with each known {@code cid:} source replaced by {@code urlPrefix + attachmentId}; the ids used are
	 * added to {@code used}.
	 */
	static String resolve(String html, Map<String, Long> byContentId, String urlPrefix, Set<Long> used) {
		if (html == null || byContentId.isEmpty() || !html.contains("cid:")) {
			return html;
		}
		Matcher matcher = CID.matcher(html);
		return matcher.replaceAll(match -> {
			Long id = byContentId.get(unescape(match.group(2)));
			if (id == null) {
				return Matcher.quoteReplacement(match.group());
			}
			used.add(id);
			return Matcher.quoteReplacement(match.group(1) + urlPrefix + id + match.group(3));
		});
	}

	/** The Content-IDs a body refers to. */
	static Set<String> referenced(String html) {
		Set<String> ids = new HashSet<>();
		if (html != null) {
			Matcher matcher = CID.matcher(html);
			while (matcher.find()) {
				ids.add(unescape(matcher.group(2)));
			}
		}
		return ids;
	}

	/** Whether the HTML shows a remote picture. */
	static boolean hasRemote(String html) {
		return html != null && REMOTE.matcher(html).find();
	}

	/** The HTML with every remote picture replaced by a placeholder saying so ({@code label}, plain text). */
	static String blockRemote(String html, String label) {
		if (!hasRemote(html)) {
			return html;
		}
		String placeholder = "<span class=\"remote-image-blocked\" data-remote-image-blocked>"
				+ io.rapport.shared.SafeHtml.escape(label) + "</span>";
		return REMOTE.matcher(html).replaceAll(Matcher.quoteReplacement(placeholder));
	}

	/** The sanitizer writes some characters of attribute values as numeric entities ({@code @} as {@code &#64;}). */
	static String unescape(String value) {
		String decoded = ENTITY.matcher(value).replaceAll(match -> {
			int code = Integer.parseInt(match.group(1));
			return Matcher.quoteReplacement(Character.isValidCodePoint(code) ? Character.toString(code) : "");
		});
		return decoded.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
	}
}
