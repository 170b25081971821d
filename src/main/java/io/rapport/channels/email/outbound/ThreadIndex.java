package io.rapport.channels.email.outbound;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Outlook's {@code Thread-Index}: base64 of a 22-byte header (6 bytes of the FILETIME when the conversation began
 * and a 16-byte GUID) followed by one 5-byte child block per reply (a time difference and a random nibble).
 * Outlook threads by it rather than by References (FreeScout #4922), so every reply extends the ticket's last one.
 */
final class ThreadIndex {

	/** 100 ns ticks from 1601-01-01 (FILETIME's epoch) to 1970-01-01. */
	private static final long EPOCH_TICKS = 116_444_736_000_000_000L;

	private static final int HEADER = 22;

	private static final int CHILD = 5;

	private ThreadIndex() {
	}

	/** A new conversation's index, started at {@code now}. */
	static String start(Instant now, UUID guid) {
		ByteBuffer bytes = ByteBuffer.allocate(HEADER);
		long filetime = filetime(now);
		for (int shift = 56; shift >= 16; shift -= 8) {
			bytes.put((byte) (filetime >>> shift));
		}
		bytes.putLong(guid.getMostSignificantBits()).putLong(guid.getLeastSignificantBits());
		return Base64.getEncoder().encodeToString(bytes.array());
	}

	/**
	 * The index of a reply to {@code parent}, sent at {@code now}; a parent that is not a valid index starts a new
	 * conversation instead.
	 */
	static String extend(String parent, Instant now, UUID guid) {
		byte[] old;
		try {
			old = parent == null ? null : Base64.getDecoder().decode(parent.strip());
		}
		catch (IllegalArgumentException e) {
			old = null;
		}
		if (old == null || old.length < HEADER || (old.length - HEADER) % CHILD != 0 || old.length > 180) {
			return start(now, guid);
		}
		long started = 0;
		for (int i = 0; i < 6; i++) {
			started = (started << 8) | (old[i] & 0xff);
		}
		long delta = Math.max(0, filetime(now) - (started << 16));
		long block = (delta >>> 47) == 0 ? (delta >>> 18) & 0x7fffffffL : 0x80000000L | ((delta >>> 23) & 0x7fffffffL);
		int random = (int) (guid.getLeastSignificantBits() & 0xf);
		ByteBuffer bytes = ByteBuffer.allocate(old.length + CHILD).put(old).putInt((int) block)
			.put((byte) (random << 4));
		return Base64.getEncoder().encodeToString(bytes.array());
	}

	static long filetime(Instant instant) {
		return EPOCH_TICKS + instant.getEpochSecond() * 10_000_000L + instant.getNano() / 100;
	}
}
