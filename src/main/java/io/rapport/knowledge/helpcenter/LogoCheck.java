package io.rapport.knowledge.helpcenter;

import java.util.Optional;

/**
 * What a logo may be: PNG, JPEG, GIF or WebP, recognised by its first bytes (never by the name or the type the
 * browser claimed), at most 512 KB. SVG is refused: it can carry script.
 */
final class LogoCheck {

	private LogoCheck() {
	}

	/** The content type of an acceptable image, or empty. */
	static Optional<String> contentType(byte[] bytes) {
		if (bytes == null || bytes.length < 12 || bytes.length > HelpCenterLook.LOGO_BYTES) {
			return Optional.empty();
		}
		if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (starts(bytes, 'G', 'I', 'F', '8')) {
			return Optional.of("image/gif");
		}
		if (starts(bytes, 'R', 'I', 'F', 'F') && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B'
				&& bytes[11] == 'P') {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] bytes, int... prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
