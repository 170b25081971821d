package io.rapport.channels.email.mime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a delivery status notification (RFC 3464): the per-recipient fields of its {@code message/delivery-status}
 * part and the Message-ID of the returned original ({@code text/rfc822-headers} or {@code message/rfc822}), so the
 * bounce can be matched to the outbound mail it answers.
 */
final class DeliveryStatus {

	private DeliveryStatus() {
	}

	/** The bounce details read from the status part and the returned headers (either may be null). */
	static ParsedMail.Bounce read(byte[] status, byte[] returned) {
		Map<String, String> fields = status == null ? Map.of() : fields(text(status), false);
		String original = null;
		if (returned != null) {
			String id = fields(text(returned), true).get("message-id");
			original = id == null ? null : MailHeaders.firstId(id);
		}
		return new ParsedMail.Bounce(original, address(fields.get("final-recipient"),
				fields.get("original-recipient")), token(fields.get("status")),
				EncodedWords.clean(fields.get("diagnostic-code")));
	}

	private static String text(byte[] bytes) {
		return Charsets.decode(bytes, null).text();
	}

	/**
	 * Header-like fields ({@code Name: value}, continuation lines folded in), the first of each name kept; a status
	 * part has a per-message block and per-recipient blocks, returned headers stop at the first blank line.
	 */
	private static Map<String, String> fields(String text, boolean stopAtBlank) {
		Map<String, String> fields = new LinkedHashMap<>();
		String name = null;
		StringBuilder value = new StringBuilder();
		for (String line : text.split("\r?\n", -1)) {
			if (line.isBlank()) {
				if (stopAtBlank && !fields.isEmpty() || stopAtBlank && name != null) {
					break;
				}
				continue;
			}
			if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
				value.append(' ').append(line.strip());
				continue;
			}
			put(fields, name, value);
			int colon = line.indexOf(':');
			name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
			value.setLength(0);
			if (colon > 0) {
				value.append(line.substring(colon + 1).strip());
			}
		}
		put(fields, name, value);
		return fields;
	}

	private static void put(Map<String, String> fields, String name, StringBuilder value) {
		if (name != null) {
			fields.putIfAbsent(name, value.toString());
		}
	}

	/** {@code rfc822; jane@example.com} → {@code jane@example.com}. */
	private static String address(String finalRecipient, String originalRecipient) {
		String value = finalRecipient != null ? finalRecipient : originalRecipient;
		if (value == null) {
			return null;
		}
		int semi = value.indexOf(';');
		String address = (semi >= 0 ? value.substring(semi + 1) : value).strip();
		address = address.startsWith("<") && address.endsWith(">") ? address.substring(1, address.length() - 1) : address;
		return EncodedWords.clean(address).toLowerCase(Locale.ROOT);
	}

	private static String token(String status) {
		if (status == null) {
			return null;
		}
		String clean = EncodedWords.clean(status);
		int space = clean.indexOf(' ');
		return space > 0 ? clean.substring(0, space) : clean;
	}
}
