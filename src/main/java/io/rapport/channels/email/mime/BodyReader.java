package io.rapport.channels.email.mime;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.rapport.channels.email.mime.MimeTree.Node;

/**
 * Walks the MIME tree and decides what each leaf is: the mail's text, its HTML, or a file. In
 * {@code multipart/alternative} the text and the HTML child are both kept (other children, such as a calendar
 * invite, become files); in {@code multipart/related} the root is the body and the rest are its inline images; in
 * {@code multipart/mixed} and any other multipart, inline text parts are joined in order (Apple Mail splits text
 * around inline images) and everything else is a file. No leaf is dropped except an empty nameless one.
 */
final class BodyReader {

	final List<Node> files = new ArrayList<>();

	final List<String> problems;

	Charset charset;

	byte[] deliveryStatus;

	byte[] returnedHeaders;

	BodyReader(List<String> problems) {
		this.problems = problems;
	}

	/** The body of {@code node}; its files, delivery report and charset are left in this reader's fields. */
	Piece read(Node node) {
		if (node.isMultipart() && !node.children.isEmpty()) {
			return switch (node.mimeType) {
				case "multipart/alternative" -> alternative(node);
				case "multipart/related" -> related(node);
				default -> mixed(node);
			};
		}
		if (node.body == null) {
			return Piece.EMPTY;
		}
		if (node.isMultipart()) {
			problems.add("A " + node.mimeType + " part without parts was read as text");
			return text(node, false);
		}
		if (isText(node)) {
			return text(node, node.mimeType.equals("text/html"));
		}
		file(node);
		return Piece.EMPTY;
	}

	/** The last text and the last HTML win; an earlier text part of the same type is kept as a file. */
	private Piece alternative(Node node) {
		Piece best = Piece.EMPTY;
		List<Node> children = node.children;
		for (int i = 0; i < children.size(); i++) {
			Node child = children.get(i);
			if (child.body != null && isText(child) && supersededAfter(children, i)) {
				file(child);
				continue;
			}
			Piece piece = read(child);
			best = new Piece(piece.text() != null ? piece.text() : best.text(),
					piece.html() != null ? piece.html() : best.html());
		}
		return best;
	}

	private static boolean supersededAfter(List<Node> children, int index) {
		for (int i = index + 1; i < children.size(); i++) {
			Node later = children.get(i);
			if (later.body != null && isText(later) && later.mimeType.equals(children.get(index).mimeType)) {
				return true;
			}
		}
		return false;
	}

	private Piece related(Node node) {
		String start = MailHeaders.firstId(Parameters.of(node.field("Content-Type")).get("start"));
		Node root = node.children.get(0);
		for (Node child : node.children) {
			if (start != null && start.equals(MailHeaders.firstId(child.field("Content-ID")))) {
				root = child;
			}
		}
		Piece body = read(root);
		for (Node child : node.children) {
			if (child != root) {
				body = body.append(read(child));
			}
		}
		return body;
	}

	private Piece mixed(Node node) {
		Piece body = Piece.EMPTY;
		for (Node child : node.children) {
			body = body.append(read(child));
		}
		return body;
	}

	private Piece text(Node node, boolean html) {
		String label = node.charset != null ? node.charset : html ? MetaCharset.find(node.body) : null;
		Charsets.Decoded decoded = Charsets.decode(node.body, label);
		if (decoded.replaced()) {
			problems.add("Some characters of a " + node.mimeType + " part could not be read in "
					+ decoded.charset().name());
		}
		if (charset == null && !Charsets.isAscii(node.body) || charset == null && node.charset != null) {
			charset = decoded.charset();
		}
		String text = decoded.text().replace("\r\n", "\n");
		if (html) {
			return new Piece(null, text);
		}
		Parameters parameters = Parameters.of(node.field("Content-Type"));
		boolean flowed = "flowed".equalsIgnoreCase(parameters.get("format"));
		return new Piece(flowed ? Flowed.unwrap(text, "yes".equalsIgnoreCase(parameters.get("delsp"))) : text, null);
	}

	private void file(Node node) {
		switch (node.mimeType) {
			case "message/delivery-status", "message/global-delivery-status" -> deliveryStatus = node.body;
			case "text/rfc822-headers", "message/rfc822", "message/global", "message/global-headers" -> {
				if (returnedHeaders == null) {
					returnedHeaders = node.body;
				}
			}
			default -> {
			}
		}
		if (node.body.length > 0 || Attachments.declaredName(node) != null) {
			files.add(node);
		}
	}

	/** A text part meant to be read in the mail, not a file: text/plain or text/html, inline, without a name. */
	private static boolean isText(Node node) {
		if (!node.mimeType.equals("text/plain") && !node.mimeType.equals("text/html")) {
			return false;
		}
		String disposition = node.field("Content-Disposition");
		boolean attachment = disposition != null && disposition.strip().toLowerCase(Locale.ROOT).startsWith("attachment");
		return !attachment && Attachments.declaredName(node) == null;
	}

	/** The text and HTML read so far; either may be null. Joining keeps both in order. */
	record Piece(String text, String html) {

		static final Piece EMPTY = new Piece(null, null);

		boolean isEmpty() {
			return text == null && html == null;
		}

		Piece append(Piece other) {
			if (isEmpty()) {
				return other;
			}
			if (other.isEmpty()) {
				return this;
			}
			String joinedText = text != null && other.text != null ? text + "\n\n" + other.text : null;
			if (html == null && other.html == null) {
				return new Piece(joinedText, null);
			}
			return new Piece(joinedText, htmlOf(this) + htmlOf(other));
		}

		private static String htmlOf(Piece piece) {
			return piece.html != null ? piece.html : io.rapport.shared.SafeHtml.fromText(piece.text);
		}
	}
}
