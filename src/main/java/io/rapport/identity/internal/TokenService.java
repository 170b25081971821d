package io.rapport.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.rapport.identity.AuthenticatedUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mints and verifies personal API tokens. A verified token is remembered for a short while, so a busy client
 * costs one hash per call rather than two queries; revoking a token or deactivating its owner takes effect within
 * {@link #CACHE_TTL}.
 */
@Service
public class TokenService {

	public static final String PREFIX = "rpt_";

	static final Duration CACHE_TTL = Duration.ofSeconds(30);

	private static final int MAX_CACHED = 10_000;

	private final SecureRandom random = new SecureRandom();

	private final ApiTokens tokens;

	private final RapportUserDetailsService users;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	TokenService(ApiTokens tokens, RapportUserDetailsService users, Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.clock = clock;
	}

	@Transactional
	public MintedToken mint(AuthenticatedUser owner, String name) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String raw = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = tokens.save(new ApiToken(owner.kind(), owner.id(), name, sha256(raw), clock.instant()));
		return new MintedToken(token.getId(), name, raw, token.getCreatedAt());
	}

	@Transactional
	public void revoke(AuthenticatedUser owner, long tokenId) {
		tokens.findById(tokenId)
			.filter(token -> token.getOwnerKind() == owner.kind() && token.getOwnerId() == owner.id())
			.ifPresent(tokens::delete);
		cache.clear();
	}

	public Optional<RapportUserDetails> verify(String raw) {
		String hash = sha256(raw);
		Instant now = clock.instant();
		Cached cached = cache.get(hash);
		if (cached != null && cached.until().isAfter(now)) {
			return Optional.of(cached.user());
		}
		Optional<RapportUserDetails> user = tokens.findByTokenHash(hash)
			.flatMap(token -> users.load(token.getOwnerKind(), token.getOwnerId()))
			.filter(RapportUserDetails::isEnabled);
		if (cache.size() > MAX_CACHED) {
			cache.clear();
		}
		user.ifPresentOrElse(u -> cache.put(hash, new Cached(u, now.plus(CACHE_TTL))), () -> cache.remove(hash));
		return user;
	}

	static String sha256(String raw) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public record MintedToken(long id, String name, String token, Instant createdAt) {
	}

	private record Cached(RapportUserDetails user, Instant until) {
	}
}
