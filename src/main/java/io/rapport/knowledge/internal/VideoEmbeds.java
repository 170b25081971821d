package io.rapport.knowledge.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The videos an article may embed, by URL: YouTube (played from youtube-nocookie.com), Vimeo, or a video file
 * served over https ({@code .mp4}, {@code .webm}, {@code .ogv}). Anything else is refused, so no article ever
 * frames an arbitrary page. {@link #frameOrigins()} are the sources a page showing an embed adds to its CSP.
 */
public final class VideoEmbeds {

	public static final String YOUTUBE = "https://www.youtube-nocookie.com";

	public static final String VIMEO = "https://player.vimeo.com";

	private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");

	private static final Pattern VIMEO_ID = Pattern.compile("\\d{1,12}");

	private static final Pattern FILE = Pattern.compile("(?i).+\\.(mp4|webm|ogv)");

	private VideoEmbeds() {
	}

	public static List<String> frameOrigins() {
		return List.of(YOUTUBE, VIMEO);
	}

	/** The URL to embed for a video link, or empty when the link is not on the allow-list. */
	public static Optional<String> embed(String url) {
		if (url == null || url.isBlank() || url.length() > 1000) {
			return Optional.empty();
		}
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		String path = uri.getPath() == null ? "" : uri.getPath();
		if (!scheme.equals("https") && !scheme.equals("http") || uri.getUserInfo() != null) {
			return Optional.empty();
		}
		switch (host) {
			case "www.youtube.com", "youtube.com", "m.youtube.com", "www.youtube-nocookie.com" -> {
				String id = path.startsWith("/embed/") ? path.substring(7)
						: path.startsWith("/shorts/") ? path.substring(8) : query(uri, "v");
				return youtube(id);
			}
			case "youtu.be" -> {
				return youtube(path.length() > 1 ? path.substring(1) : null);
			}
			case "vimeo.com", "www.vimeo.com", "player.vimeo.com" -> {
				String id = path.replaceFirst("^/video/", "/").replaceFirst("^/", "");
				return id != null && VIMEO_ID.matcher(id).matches() ? Optional.of(VIMEO + "/video/" + id)
						: Optional.empty();
			}
			default -> {
				return scheme.equals("https") && uri.getQuery() == null && FILE.matcher(path).matches()
						&& host.matches("[a-z0-9.-]+") ? Optional.of(uri.toString()) : Optional.empty();
			}
		}
	}

	/** Whether an embed URL is a video file (a {@code <video>} element) rather than a player page (a frame). */
	public static boolean isFile(String embedUrl) {
		return embedUrl != null && !embedUrl.startsWith(YOUTUBE + "/") && !embedUrl.startsWith(VIMEO + "/");
	}

	private static Optional<String> youtube(String id) {
		return id != null && YOUTUBE_ID.matcher(id).matches() ? Optional.of(YOUTUBE + "/embed/" + id)
				: Optional.empty();
	}

	private static String query(URI uri, String name) {
		if (uri.getRawQuery() == null) {
			return null;
		}
		for (String pair : uri.getRawQuery().split("&")) {
			Matcher m = Pattern.compile("^" + name + "=(.*)$").matcher(pair);
			if (m.matches()) {
				return m.group(1);
			}
		}
		return null;
	}
}
