package io.rapport.channels.email.mime;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns the bytes of a body or header into text without mojibake. Mail clients lie about charsets: GB2312 labels on
 * GB18030 text, ISO-8859-1 or us-ascii labels on UTF-8, no label at all. A declared charset is trusted only when
 * the bytes decode cleanly under it; otherwise strict
 * UTF-8 is tried, then juniversalchardet's guess, and only then the declared charset with replacement characters.
 * Valid multi-byte UTF-8 under a single-byte label is read as UTF-8: Latin text is almost never valid UTF-8.
 */
final class Charsets {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/** Labels whose real-world text is written in a wider charset (WHATWG's encoding standard does the same). */
	private static final Map<String, String> WIDER = Map.ofEntries(Map.entry("gb2312", "GB18030"),
			Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"), Map.entry("cp936", "GB18030"),
			Map.entry("euc-cn", "GB18030"), Map.entry("big5", "Big5-HKSCS"), Map.entry("iso-8859-1", "windows-1252"),
			Map.entry("latin1", "windows-1252"), Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
			Map.entry("shift_jis", "windows-31j"), Map.entry("sjis", "windows-31j"), Map.entry("x-sjis", "windows-31j"),
			Map.entry("ks_c_5601-1987", "x-windows-949"), Map.entry("euc-kr", "x-windows-949"),
			Map.entry("iso-8859-8-i", "iso-8859-8"), Map.entry("utf8", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"));

	private Charsets() {
	}

	/** The charset a label names (widened where clients under-declare), or null when Java does not know it. */
	static Charset forLabel(String label) {
		if (label == null || label.isBlank()) {
			return null;
		}
		String clean = label.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
		String name = WIDER.getOrDefault(clean, clean);
		try {
			return Charset.isSupported(name) ? Charset.forName(name) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The text of {@code bytes}, declared as {@code label} (null when undeclared). */
	static Decoded decode(byte[] bytes, String label) {
		Charset declared = forLabel(label);
		if (isAscii(bytes) && (declared == null || asciiCompatible(declared))) {
			return new Decoded(new String(bytes, StandardCharsets.ISO_8859_1), declared, false);
		}
		if (declared != null && !isSingleByte(declared)) {
			String strict = strict(bytes, declared);
			if (strict != null) {
				return new Decoded(strict, declared, false);
			}
		}
		String utf8 = strict(bytes, StandardCharsets.UTF_8);
		if (utf8 != null) {
			return new Decoded(utf8, StandardCharsets.UTF_8, false);
		}
		Charset guessed = forLabel(detect(bytes));
		if (guessed != null && !guessed.equals(declared) && (declared == null || !isSingleByte(guessed))) {
			String strict = strict(bytes, guessed);
			if (strict != null) {
				return new Decoded(strict, guessed, false);
			}
		}
		Charset fallback = declared != null ? declared : WINDOWS_1252;
		String lenient = strict(bytes, fallback);
		if (lenient != null) {
			return new Decoded(lenient, fallback, false);
		}
		if (fallback.equals(WINDOWS_1252)) {
			return new Decoded(new String(bytes, StandardCharsets.ISO_8859_1), fallback, false);
		}
		return new Decoded(new String(bytes, fallback), fallback, true);
	}

	/** Whether ASCII bytes mean ASCII characters in it (not so in ISO-2022-JP, UTF-7, HZ or UTF-16). */
	private static boolean asciiCompatible(Charset charset) {
		String name = charset.name().toLowerCase(Locale.ROOT);
		return !(name.startsWith("iso-2022") || name.startsWith("utf-7") || name.startsWith("hz")
				|| name.startsWith("utf-16") || name.startsWith("utf-32") || name.startsWith("x-utf-16")
				|| name.startsWith("x-utf-32"));
	}

	/** The bytes decoded strictly, or null when they are not valid in that charset. */
	static String strict(byte[] bytes, Charset charset) {
		CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
			return chars.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	static boolean isAscii(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

	/** Single-byte charsets decode any bytes, so valid multi-byte UTF-8 under their label is UTF-8 in disguise. */
	private static boolean isSingleByte(Charset charset) {
		String name = charset.name().toLowerCase(Locale.ROOT);
		return name.startsWith("iso-8859") || name.startsWith("windows-125") || name.startsWith("x-mac")
				|| name.startsWith("koi8") || name.startsWith("ibm");
	}

	private static String detect(byte[] bytes) {
		UniversalDetector detector = new UniversalDetector();
		detector.handleData(bytes, 0, Math.min(bytes.length, 64 * 1024));
		detector.dataEnd();
		return detector.getDetectedCharset();
	}

	/** Text and the charset it was read in; {@code replaced} when some bytes could not be read in any charset. */
	record Decoded(String text, Charset charset, boolean replaced) {
	}
}
