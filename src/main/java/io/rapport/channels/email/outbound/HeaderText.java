package io.rapport.channels.email.outbound;

import java.io.UnsupportedEncodingException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

/**
 * What may go into a header: a subject or display name is decoded first (so an encoded CR/LF is seen) and every
 * control character removed, so no text a customer typed can add a header ({@code Bcc:}) or a body; an address
 * must be one plain, valid address.
 */
final class HeaderText {

	private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");

	private static final int MAX = 900;

	private HeaderText() {
	}

	/** A subject or name as one clean line; encoded words are decoded first, then controls become spaces. */
	static String clean(String text) {
		if (text == null) {
			return "";
		}
		String decoded = text;
		try {
			decoded = MimeUtility.decodeText(text);
		}
		catch (UnsupportedEncodingException | RuntimeException e) {
			decoded = text;
		}
		String line = CONTROLS.matcher(decoded).replaceAll(" ").replaceAll(" {2,}", " ").strip();
		return line.length() > MAX ? line.substring(0, MAX) : line;
	}

	/** The address, lower-cased, when it is a single valid address without a name or any control character. */
	static Optional<String> address(String address) {
		if (address == null || address.isBlank() || CONTROLS.matcher(address).find() || address.length() > 254) {
			return Optional.empty();
		}
		try {
			InternetAddress parsed = new InternetAddress(address.strip(), true);
			parsed.validate();
			String plain = parsed.getAddress();
			return parsed.getPersonal() == null && plain.indexOf('@') > 0 && plain.equals(address.strip())
					? Optional.of(plain.toLowerCase(Locale.ROOT)) : Optional.empty();
		}
		catch (AddressException e) {
			return Optional.empty();
		}
	}
}
