package io.rapport.channels.email.mime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rapport.channels.email.mime.MimeTree.Node;

/**
 * Turns the file leaves of a mail into {@link ParsedMail.Part}s with a name a person and a file system can use:
 * RFC 2231 and RFC 2047 names decoded, paths and control characters removed, and a name made up when there is none
 * ({@code winmail.dat} for TNEF, {@code attached-message.eml} for an attached mail, {@code image-1.png}...).
 */
final class Attachments {

	private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("image/png", "png"),
			Map.entry("image/jpeg", "jpg"), Map.entry("image/jpg", "jpg"), Map.entry("image/gif", "gif"),
			Map.entry("image/webp", "webp"), Map.entry("image/svg+xml", "svg"), Map.entry("application/pdf", "pdf"),
			Map.entry("text/plain", "txt"), Map.entry("text/html", "html"), Map.entry("text/calendar", "ics"),
			Map.entry("text/csv", "csv"), Map.entry("application/zip", "zip"), Map.entry("message/rfc822", "eml"),
			Map.entry("message/global", "eml"), Map.entry("text/rfc822-headers", "txt"),
			Map.entry("message/delivery-status", "txt"), Map.entry("application/pgp-signature", "asc"),
			Map.entry("application/pkcs7-signature", "p7s"), Map.entry("application/x-pkcs7-signature", "p7s"));

	private Attachments() {
	}

	/** The name the part's headers give it (Content-Disposition filename, else Content-Type name), or null. */
	static String declaredName(Node node) {
		String name = Parameters.of(node.field("Content-Disposition")).get("filename");
		if (name == null || name.isBlank()) {
			name = Parameters.of(node.field("Content-Type")).get("name");
		}
		return name == null || name.isBlank() ? null : name;
	}

	static List<ParsedMail.Part> parts(List<Node> files, Set<String> referencedIds) {
		List<ParsedMail.Part> parts = new ArrayList<>(files.size());
		Set<String> names = new HashSet<>();
		for (Node node : files) {
			String contentId = MailHeaders.firstId(node.field("Content-ID"));
			String safeId = contentId == null ? null : HtmlBody.safeId(contentId);
			String disposition = node.field("Content-Disposition");
			boolean inline = disposition != null && disposition.strip().toLowerCase(Locale.ROOT).startsWith("inline");
			parts.add(new ParsedMail.Part(unique(filename(node, parts.size() + 1), names), node.mimeType, node.body,
					safeId != null && referencedIds.contains(safeId) ? safeId : null,
					inline || safeId != null && referencedIds.contains(safeId)));
		}
		return parts;
	}

	private static String filename(Node node, int index) {
		String declared = declaredName(node);
		String clean = declared == null ? null : clean(declared);
		String type = node.mimeType;
		if (clean == null || clean.isEmpty()) {
			clean = switch (type) {
				case "application/ms-tnef", "application/vnd.ms-tnef" -> "winmail.dat";
				case "message/rfc822", "message/global" -> "attached-message.eml";
				case "message/delivery-status", "message/global-delivery-status" -> "delivery-status.txt";
				case "text/rfc822-headers" -> "returned-headers.txt";
				default -> (type.startsWith("image/") ? "image-" : "part-") + index + "."
						+ EXTENSIONS.getOrDefault(type, "bin");
			};
		}
		if (type.equals("message/rfc822") && !clean.toLowerCase(Locale.ROOT).endsWith(".eml")) {
			clean = clean + ".eml";
		}
		return clean;
	}

	/** No directories, control characters or characters Windows refuses; at most 200 characters. */
	private static String clean(String name) {
		String base = name;
		int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
		base = slash >= 0 ? base.substring(slash + 1) : base;
		StringBuilder out = new StringBuilder(base.length());
		for (int i = 0; i < base.length() && out.length() < 200; i++) {
			char c = base.charAt(i);
			out.append(Character.isISOControl(c) || "<>:\"|?*".indexOf(c) >= 0 ? '_' : c);
		}
		String clean = out.toString().strip();
		while (clean.startsWith(".")) {
			clean = clean.substring(1);
		}
		return clean;
	}

	private static String unique(String name, Set<String> names) {
		String candidate = name;
		int dot = name.lastIndexOf('.');
		for (int n = 2; !names.add(candidate.toLowerCase(Locale.ROOT)); n++) {
			candidate = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
		}
		return candidate;
	}
}
