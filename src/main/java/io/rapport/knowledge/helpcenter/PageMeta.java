package io.rapport.knowledge.helpcenter;

import java.util.List;

/**
 * What a help-center page tells search engines and link previews: its title and description, the canonical
 * URL, the same page in the other languages ({@code hreflang} alternates, with {@code x-default}) and the
 * OpenGraph type. URLs are absolute.
 */
public record PageMeta(String title, String description, String canonical, String ogType, List<Alternate> alternates,
		String xDefault) {

	public record Alternate(String hreflang, String href) {
	}
}
