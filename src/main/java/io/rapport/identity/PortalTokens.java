package io.rapport.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import io.rapport.shared.secrets.Signatures;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links mailed to a portal customer to prove their address ({@link Purpose#VERIFY}, 24 hours) or to choose a
 * new password ({@link Purpose#RESET}, 1 hour). A link is a {@link Signatures} token whose subject is
 * {@code contactId|email|nonce}: nothing is stored when it is issued, and its nonce is recorded in
 * {@code portal_used_tokens} when it is used, by an insert that only one of two simultaneous uses can make, so a
 * link works once.
 */
@Service
public class PortalTokens {

	private final Signatures signatures;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	PortalTokens(Signatures signatures, JdbcTemplate jdbc, Clock clock) {
		this.signatures = signatures;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new link token for the contact's address. */
	public String issue(Purpose purpose, long contactId, String email) {
		byte[] nonce = new byte[16];
		random.nextBytes(nonce);
		String subject = contactId + "|" + IdentityApi.normalize(email) + "|" + HexFormat.of().formatHex(nonce);
		return signatures.issue(purpose.signature, subject, clock.instant().plus(purpose.validFor));
	}

	/** Whom a valid, unexpired and unused token names, without using it (for the page the link opens). */
	@Transactional(readOnly = true)
	public Optional<Claim> peek(Purpose purpose, String token) {
		return parse(purpose, token).filter(claim -> !used(claim.nonce()));
	}

	/**
	 * Uses the token up, in the caller's transaction (a rollback gives it back), and answers whom it names; empty
	 * when it is invalid, expired or used already.
	 */
	@Transactional
	public Optional<Claim> consume(Purpose purpose, String token) {
		Optional<Claim> claim = parse(purpose, token);
		if (claim.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		int inserted;
		try {
			inserted = jdbc.update("insert into portal_used_tokens (nonce, purpose, contact_id, used_at, expires_at) "
					+ "values (?, ?, ?, ?, ?) on conflict do nothing", claim.get().nonce(), purpose.name(),
					claim.get().contactId(), Timestamp.from(now), Timestamp.from(now.plus(purpose.validFor)));
		}
		catch (DataIntegrityViolationException usedAtTheSameTime) {
			return Optional.empty();
		}
		return inserted == 1 ? claim : Optional.empty();
	}

	private Optional<Claim> parse(Purpose purpose, String token) {
		return signatures.verify(purpose.signature, token).flatMap(PortalTokens::claim);
	}

	private boolean used(String nonce) {
		Integer count = jdbc.queryForObject("select count(*) from portal_used_tokens where nonce = ?", Integer.class,
				nonce);
		return count != null && count > 0;
	}

	private static Optional<Claim> claim(String subject) {
		String[] parts = subject.split("\\|");
		if (parts.length != 3) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Claim(Long.parseLong(parts[0]), parts[1], parts[2]));
		}
		catch (NumberFormatException malformed) {
			return Optional.empty();
		}
	}

	/** What a link is for, the purpose mixed into its signature, and how long it works. */
	public enum Purpose {
		VERIFY("portal-verify", Duration.ofHours(24)), RESET("portal-reset", Duration.ofHours(1));

		private final String signature;

		private final Duration validFor;

		Purpose(String signature, Duration validFor) {
			this.signature = signature;
			this.validFor = validFor;
		}

		public Duration validFor() {
			return validFor;
		}
	}

	/** The contact and address a valid link names. */
	public record Claim(long contactId, String email, String nonce) {
	}
}
