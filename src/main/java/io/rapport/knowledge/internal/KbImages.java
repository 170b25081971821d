package io.rapport.knowledge.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pictures for articles, checked as ticket attachments are: a size limit, and the type read from the file's own
 * first bytes (PNG, JPEG, GIF, WebP), never from its name or what the browser said, so an SVG or HTML file named
 * {@code .png} is refused. Served inline (they are shown in articles) with {@code nosniff} and a sandboxing CSP.
 */
@Service
public class KbImages {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KbImageRows rows;

	private final Clock clock;

	KbImages(KbImageRows rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	@Transactional
	public KbImage upload(String field, String filename, byte[] data, AuthenticatedUser by) {
		String type = data == null || data.length > MAX_BYTES ? null : sniff(data);
		if (type == null) {
			throw InvalidInputException.of(field, "errors.knowledge.image", MAX_BYTES / (1024 * 1024));
		}
		byte[] key = new byte[16];
		RANDOM.nextBytes(key);
		String name = Slugs.of(filename == null ? "" : filename.replaceFirst("\\.[A-Za-z0-9]{1,5}$", ""));
		name = (name.isEmpty() ? "image" : name.length() > 60 ? name.substring(0, 60) : name) + "."
				+ type.substring("image/".length()).replace("jpeg", "jpg");
		return rows.save(new KbImage(Base64.getUrlEncoder().withoutPadding().encodeToString(key), name, type, data,
				by.id(), clock.instant()));
	}

	@Transactional(readOnly = true)
	public Optional<KbImage> find(String key) {
		return key == null || key.length() > 40 ? Optional.empty() : rows.findById(key);
	}

	/** The image type the bytes are, by their signature, or null for anything else. */
	static String sniff(byte[] d) {
		if (d.length >= 8 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
			return "image/png";
		}
		if (d.length >= 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		if (d.length >= 6 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' && d[3] == '8' && (d[4] == '7' || d[4] == '9')
				&& d[5] == 'a') {
			return "image/gif";
		}
		if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F' && d[8] == 'W' && d[9] == 'E'
				&& d[10] == 'B' && d[11] == 'P') {
			return "image/webp";
		}
		return null;
	}
}
