package io.rapport.activity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Write keys: what a Segment library sends as the HTTP Basic user name. Only a SHA-256 of each key is stored (a key
 * is 32 random characters, so a slow hash would add nothing but cost on every batch); the key is shown once.
 */
@Service
public class WriteKeys {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	WriteKeys(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new key, with its secret: the only time it is known. */
	public record Created(long id, String name, String key) {
	}

	/** A key as admins see it: its last characters only. */
	public record KeyView(long id, String name, String hint, Instant createdAt, String createdBy, Instant revokedAt) {

		public boolean revoked() {
			return revokedAt != null;
		}
	}

	@Transactional
	public Created create(String name, String createdBy) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 100) {
			throw InvalidInputException.of("name", "errors.activity.key-name", 100);
		}
		String key = newKey();
		var keys = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var statement = connection.prepareStatement("insert into activity_write_keys (name, key_hash, key_hint, "
					+ "created_at, created_by) values (?, ?, ?, ?, ?)", new String[] { "id" });
			statement.setString(1, clean);
			statement.setString(2, hash(key));
			statement.setString(3, key.substring(key.length() - 4));
			statement.setTimestamp(4, Timestamp.from(clock.instant()));
			statement.setString(5, createdBy);
			return statement;
		}, keys);
		return new Created(keys.getKey().longValue(), clean, key);
	}

	/** Revokes a key: batches sent with it are refused from now on. Revoking twice changes nothing. */
	@Transactional
	public void revoke(long id) {
		if (jdbc.queryForObject("select count(*) from activity_write_keys where id = ?", Long.class, id) == 0) {
			throw NotFoundException.of("errors.activity.key-not-found", id);
		}
		jdbc.update("update activity_write_keys set revoked_at = ? where id = ? and revoked_at is null",
				Timestamp.from(clock.instant()), id);
	}

	@Transactional(readOnly = true)
	public List<KeyView> all() {
		return jdbc.query("select id, name, key_hint, created_at, created_by, revoked_at from activity_write_keys "
				+ "order by revoked_at desc nulls first, created_at desc, id desc limit 500",
				(rs, n) -> new KeyView(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
						rs.getObject(6, OffsetDateTime.class) == null ? null
								: rs.getObject(6, OffsetDateTime.class).toInstant()));
	}

	/** The id of the active key an {@code Authorization: Basic} header carries as its user name. */
	public Optional<Long> authenticate(String authorization) {
		return authenticateKey(userName(authorization));
	}

	/** The id of the active key, given as itself. */
	public Optional<Long> authenticateKey(String key) {
		if (key == null || key.isEmpty() || key.length() > 200) {
			return Optional.empty();
		}
		return jdbc.queryForList("select id from activity_write_keys where key_hash = ? and revoked_at is null",
				Long.class, hash(key)).stream().findFirst();
	}

	private static String userName(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? decoded : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}

	private String newKey() {
		var key = new StringBuilder(32);
		for (int i = 0; i < 32; i++) {
			key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return key.toString();
	}

	static String hash(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
