package io.rapport.channels.email.mime;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A first, linear pass over the header block, before any parsing: it refuses what is not a mail (no header block)
 * and header bombs (too many fields, too large a block) so they cost nothing more, and finds where the mail starts
 * (after an mbox {@code From } line or blank lines a script may have left in front).
 */
final class HeaderScan {

	private static final Set<String> MAIL_FIELDS = Set.of("from", "to", "cc", "subject", "date", "message-id",
			"received", "return-path", "mime-version", "sender", "reply-to", "delivered-to", "content-type",
			"in-reply-to", "references", "x-original-to");

	private HeaderScan() {
	}

	/** The offset where the header block starts, and how many fields it has. */
	record Result(int start, int fieldCount) {
	}

	static Result scan(byte[] raw, int maxFields, int maxHeaderBytes) throws UnreadableMailException {
		int start = skipPreamble(raw);
		int fields = 0;
		boolean mailField = false;
		int i = start;
		while (i < raw.length) {
			int end = lineEnd(raw, i);
			int length = contentLength(raw, i, end);
			if (length == 0) {
				break;
			}
			boolean continuation = raw[i] == ' ' || raw[i] == '\t';
			if (!continuation) {
				int colon = nameEnd(raw, i, i + length);
				if (colon < 0) {
					if (fields == 0) {
						throw new UnreadableMailException("Not a mail: it does not start with a header block");
					}
					break;
				}
				fields++;
				mailField |= MAIL_FIELDS.contains(
						new String(raw, i, colon - i, StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT));
				if (fields > maxFields) {
					throw new UnreadableMailException("A header bomb: more than " + maxFields + " header fields");
				}
			}
			if (end - start > maxHeaderBytes) {
				throw new UnreadableMailException(
						"A header bomb: a header block larger than " + Sizes.describe(maxHeaderBytes));
			}
			i = end;
		}
		if (!mailField) {
			throw new UnreadableMailException("Not a mail: no From, To, Subject, Date or other mail header field");
		}
		return new Result(start, fields);
	}

	private static int skipPreamble(byte[] raw) {
		int i = 0;
		while (i < raw.length && (raw[i] == '\r' || raw[i] == '\n')) {
			i++;
		}
		if (i + 5 <= raw.length && new String(raw, i, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
			i = lineEnd(raw, i);
		}
		return i;
	}

	/** The offset after the line's LF (or the end of the input). */
	private static int lineEnd(byte[] raw, int from) {
		int i = from;
		while (i < raw.length && raw[i] != '\n') {
			i++;
		}
		return Math.min(i + 1, raw.length);
	}

	private static int contentLength(byte[] raw, int from, int end) {
		int last = end;
		while (last > from && (raw[last - 1] == '\n' || raw[last - 1] == '\r')) {
			last--;
		}
		return last - from;
	}

	/** The offset of the colon ending a field name of printable ASCII, or -1 when the line is not a field. */
	private static int nameEnd(byte[] raw, int from, int end) {
		for (int i = from; i < end; i++) {
			byte b = raw[i];
			if (b == ':') {
				return i > from ? i : -1;
			}
			if (b < 33 || b > 126) {
				return b == ' ' || b == '\t' ? trailingBlanks(raw, i, end) : -1;
			}
		}
		return -1;
	}

	/** A name followed by blanks and then a colon ({@code Subject :}) is still a field, as old mailers wrote it. */
	private static int trailingBlanks(byte[] raw, int from, int end) {
		int i = from;
		while (i < end && (raw[i] == ' ' || raw[i] == '\t')) {
			i++;
		}
		return i < end && raw[i] == ':' ? i : -1;
	}
}
