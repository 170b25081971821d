package io.rapport.channels.email.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * The structure of a mail read with mime4j's token stream: a tree of entities with their header fields and decoded
 * bodies. The stream is lenient (broken base64, missing final boundaries, overlong lines all read as far as they
 * go) and does not descend into attached messages, which stay whole to be kept as {@code .eml} files. Whatever
 * stops the stream (a part deeper than the nesting limit, a truncated mail) is noted and the tree read so far kept.
 */
final class MimeTree {

	/** One entity: the mail itself, a multipart or a leaf body part. */
	static final class Node {

		final List<Field> fields = new ArrayList<>();

		final List<Node> children = new ArrayList<>();

		final int depth;

		String mimeType = "text/plain";

		String charset;

		String transferEncoding;

		String boundary;

		byte[] body;

		Node(int depth) {
			this.depth = depth;
		}

		boolean isMultipart() {
			return mimeType.startsWith("multipart/");
		}

		/** The first field of that name, unfolded, as the raw text (encoded words not yet decoded), or null. */
		String field(String name) {
			for (Field field : fields) {
				if (field.getName().equalsIgnoreCase(name)) {
					return text(field);
				}
			}
			return null;
		}

		/** Every field of that name, in order, as {@link #field(String)} reads them. */
		List<String> all(String name) {
			List<String> values = new ArrayList<>(2);
			for (Field field : fields) {
				if (field.getName().equalsIgnoreCase(name)) {
					values.add(text(field));
				}
			}
			return values;
		}

		/** The value of a field as its raw bytes read (8-bit UTF-8 included), unfolded. */
		static String text(Field field) {
			ByteSequence raw = field.getRaw();
			if (raw == null) {
				return field.getBody();
			}
			byte[] bytes = raw.toByteArray();
			int colon = 0;
			while (colon < bytes.length && bytes[colon] != ':') {
				colon++;
			}
			byte[] value = Arrays.copyOfRange(bytes, Math.min(colon + 1, bytes.length), bytes.length);
			String text = EncodedWords.headerText(value);
			StringBuilder unfolded = new StringBuilder(text.length());
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c != '\r' && c != '\n') {
					unfolded.append(c);
				}
			}
			return unfolded.toString().strip();
		}

		/** The body parts of this node that are not multiparts, depth first, in order. */
		void leaves(List<Node> into) {
			if (children.isEmpty() && body != null) {
				into.add(this);
			}
			for (Node child : children) {
				child.leaves(into);
			}
		}
	}

	private static final MimeConfig CONFIG = new MimeConfig.Builder().setMaxLineLen(-1).setMaxHeaderLen(-1)
		.setMaxHeaderCount(-1).setMaxContentLen(-1).setStrictParsing(false).setMalformedHeaderStartsBody(true)
		.build();

	private MimeTree() {
	}

	/** Reads the tree of {@code raw}; problems met on the way are added to {@code problems}. */
	static Node read(byte[] raw, int maxDepth, List<String> problems) {
		MimeTokenStream stream = new MimeTokenStream(CONFIG, DecodeMonitor.SILENT, new Descriptors());
		stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
		stream.parse(new ByteArrayInputStream(raw));
		Node root = new Node(0);
		Deque<Node> open = new ArrayDeque<>();
		open.push(root);
		boolean deepNoted = false;
		try {
			for (EntityState state = stream.next(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
				Node current = open.peek();
				switch (state) {
					case T_START_BODYPART -> {
						Node child = new Node(current.depth + 1);
						if (child.depth <= maxDepth) {
							current.children.add(child);
						}
						else if (!deepNoted) {
							deepNoted = true;
							problems.add("Parts nested deeper than " + maxDepth + " levels were not read");
						}
						open.push(child);
					}
					case T_END_BODYPART -> open.pop();
					case T_FIELD -> current.fields.add(stream.getField());
					case T_START_MULTIPART -> describe(current, stream.getBodyDescriptor());
					case T_BODY -> {
						describe(current, stream.getBodyDescriptor());
						current.body = current.depth <= maxDepth ? body(stream, current, problems) : null;
					}
					default -> {
					}
				}
			}
		}
		catch (IOException | MimeException | RuntimeException ex) {
			problems.add("The MIME structure broke off (" + ex.getClass().getSimpleName() + "); kept what was read");
		}
		return root;
	}

	private static void describe(Node node, BodyDescriptor descriptor) {
		if (descriptor.getMimeType() != null) {
			node.mimeType = descriptor.getMimeType().toLowerCase(Locale.ROOT);
		}
		node.charset = node.field("Content-Type") != null ? descriptor.getCharset() : null;
		node.transferEncoding = descriptor.getTransferEncoding();
		node.boundary = descriptor.getBoundary();
		if (node.charset != null && node.field("Content-Type").toLowerCase(Locale.ROOT).indexOf("charset") < 0) {
			node.charset = null;
		}
	}

	private static byte[] body(MimeTokenStream stream, Node node, List<String> problems) throws IOException {
		String encoding = node.transferEncoding == null ? "7bit" : node.transferEncoding.toLowerCase(Locale.ROOT);
		boolean known = switch (encoding) {
			case "7bit", "8bit", "binary", "base64", "quoted-printable" -> true;
			default -> false;
		};
		if (!known) {
			problems.add("A " + node.mimeType + " part has the unknown transfer encoding \"" + encoding
					+ "\"; kept as it came");
		}
		if (encoding.equals("base64")) {
			try (InputStream in = stream.getInputStream()) {
				return base64(in.readAllBytes());
			}
		}
		try (InputStream in = known ? stream.getDecodedInputStream() : stream.getInputStream()) {
			return in.readAllBytes();
		}
	}

	/**
	 * A base64 body decoded by the JDK's MIME decoder (line breaks and other characters outside the alphabet
	 * skipped), which is many times faster than mime4j's stream: decoding attachments byte by byte was a tenth of an
	 * IMAP intake's CPU. What the JDK refuses (a lone last character, text after the padding) goes to mime4j's lenient
	 * decoder as before, so a damaged part still gives what can be read of it. A body cut short inside its last group
	 * of four characters loses that group, as mime4j and MIME-tools read it: the JDK would keep the one or two bytes
	 * it holds.
	 */
	static byte[] base64(byte[] encoded) throws IOException {
		try {
			byte[] decoded = Base64.getMimeDecoder().decode(encoded);
			int partial = decoded.length % 3;
			// without padding, whole groups decode to a multiple of three bytes: anything more is a group cut short
			return partial == 0 || padded(encoded) ? decoded : Arrays.copyOf(decoded, decoded.length - partial);
		}
		catch (IllegalArgumentException damaged) {
			try (InputStream in = new Base64InputStream(new ByteArrayInputStream(encoded), DecodeMonitor.SILENT)) {
				return in.readAllBytes();
			}
		}
	}

	/** Whether the last base64 character of the body, padding included, is the padding. */
	private static boolean padded(byte[] encoded) {
		for (int i = encoded.length - 1; i >= 0; i--) {
			byte b = encoded[i];
			if (b == '=') {
				return true;
			}
			if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/') {
				return false;
			}
		}
		return false;
	}
}
