package io.rapport.channels.email.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.rapport.channels.email.oauth.MailboxOAuth.Protocol;
import io.rapport.shared.secrets.SecretBox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access token a mailbox signs in with over XOAUTH2, renewed with its refresh token before it expires (five
 * minutes ahead) and once more when the mail server refuses it. Renewing locks the row in a transaction of its
 * own, so that two nodes (or the poller and a connection test) never spend a rotating refresh token twice: the
 * second finds the first one's new token. The outcome, a new token or the server's refusal in words, is kept.
 */
@Component
public class OAuthTokens {

	static final Duration MARGIN = Duration.ofMinutes(5);

	private final MailboxOAuths rows;

	private final TokenEndpoint endpoint;

	private final SecretBox secrets;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	OAuthTokens(MailboxOAuths rows, TokenEndpoint endpoint, SecretBox secrets, PlatformTransactionManager transactions,
			Clock clock) {
		this.rows = rows;
		this.endpoint = endpoint;
		this.secrets = secrets;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** The OAuth2 settings and state of one side, for pages and the API (no secret in it). */
	public Optional<MailboxOAuth> state(long mailboxId, Protocol protocol) {
		return rows.findByMailboxIdAndProtocol(mailboxId, protocol);
	}

	/** A valid access token, renewed first when it expires within five minutes; empty without OAuth2 settings. */
	public Optional<String> accessToken(long mailboxId, Protocol protocol) throws TokenRefusedException {
		Optional<MailboxOAuth> row = rows.findByMailboxIdAndProtocol(mailboxId, protocol);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		if (fresh(row.get())) {
			return Optional.of(open(row.get().accessTokenSealed(), row.get(), "access"));
		}
		return Optional.of(renew(mailboxId, protocol, null));
	}

	/**
	 * A new access token after the mail server refused {@code refused}; when another connection already renewed
	 * it meanwhile, that one.
	 */
	public String renewAfterRefusal(long mailboxId, Protocol protocol, String refused) throws TokenRefusedException {
		return renew(mailboxId, protocol, refused);
	}

	private String renew(long mailboxId, Protocol protocol, String refused) throws TokenRefusedException {
		Outcome outcome = ownTransaction.execute(status -> {
			MailboxOAuth row = rows.lock(mailboxId, protocol).orElseThrow();
			if (fresh(row)) {
				String current = open(row.accessTokenSealed(), row, "access");
				if (refused == null || !refused.equals(current)) {
					return new Outcome(current, null);
				}
			}
			return exchange(row);
		});
		if (outcome.error() != null) {
			throw new TokenRefusedException(outcome.error());
		}
		return outcome.token();
	}

	private Outcome exchange(MailboxOAuth row) {
		Instant now = clock.instant();
		try {
			String secret = row.clientSecretSealed() == null ? null : open(row.clientSecretSealed(), row, "client");
			TokenEndpoint.Answer answer = endpoint.refresh(row.getTokenUrl(), row.getClientId(), secret,
					open(row.refreshTokenSealed(), row, "refresh"), row.getProtocol());
			row.renewed(seal(answer.accessToken(), row, "access"),
					answer.refreshToken() == null ? null : seal(answer.refreshToken(), row, "refresh"), now,
					now.plusSeconds(Math.max(60, answer.expiresInSeconds())));
			return new Outcome(answer.accessToken(), null);
		}
		catch (TokenRefusedException e) {
			row.failed(e.getMessage(), now);
			return new Outcome(null, e.getMessage());
		}
	}

	private boolean fresh(MailboxOAuth row) {
		return row.accessTokenSealed() != null && row.getExpiresAt() != null
				&& row.getExpiresAt().isAfter(clock.instant().plus(MARGIN));
	}

	private String open(String sealed, MailboxOAuth row, String what) {
		return secrets.open(sealed, context(row.getMailboxId(), row.getProtocol(), what));
	}

	private String seal(String plain, MailboxOAuth row, String what) {
		return secrets.seal(plain, context(row.getMailboxId(), row.getProtocol(), what));
	}

	/** The {@code SecretBox} context of one OAuth2 secret: {@code mailbox:<id>:imap:oauth-refresh} and so on. */
	static String context(long mailboxId, Protocol protocol, String what) {
		return "mailbox:" + mailboxId + ":" + protocol.name().toLowerCase(java.util.Locale.ROOT) + ":oauth-" + what;
	}

	private record Outcome(String token, String error) {
	}
}
