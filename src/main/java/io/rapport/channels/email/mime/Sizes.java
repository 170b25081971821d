package io.rapport.channels.email.mime;

/** Sizes in the words of an admin's failed-mail list: "25 MB", "1 MB", "512 KB". */
final class Sizes {

	private Sizes() {
	}

	static String describe(long bytes) {
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + " MB";
		}
		if (bytes >= 1024 * 1024) {
			return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
		}
		return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
	}
}
