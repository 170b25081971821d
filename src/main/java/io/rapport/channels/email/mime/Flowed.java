package io.rapport.channels.email.mime;

/**
 * Undoes RFC 3676 {@code format=flowed}: a line ending in a space continues on the next line (Thunderbird and Apple
 * Mail send text this way), so paragraphs read as paragraphs and quote detection sees whole lines.
 */
final class Flowed {

	private Flowed() {
	}

	static String unwrap(String text, boolean deleteSpace) {
		StringBuilder out = new StringBuilder(text.length());
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].startsWith(" ") ? lines[i].substring(1) : lines[i];
			boolean soft = line.endsWith(" ") && !line.equals("-- ") && i + 1 < lines.length;
			if (soft) {
				out.append(deleteSpace ? line.substring(0, line.length() - 1) : line);
			}
			else {
				out.append(line);
				if (i + 1 < lines.length) {
					out.append('\n');
				}
			}
		}
		return out.toString();
	}
}
