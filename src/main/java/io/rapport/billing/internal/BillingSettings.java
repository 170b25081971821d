package io.rapport.billing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.rapport.shared.InvalidInputException;
import io.rapport.shared.secrets.SecretBox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The Stripe webhook signing secret, sealed at rest by {@link SecretBox} and never shown back. */
@Component
class BillingSettings {

	private static final String CONTEXT = "billing:stripe:webhook";

	private final JdbcTemplate jdbc;

	private final SecretBox secrets;

	private final Clock clock;

	BillingSettings(JdbcTemplate jdbc, SecretBox secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/** The secret in clear, for verifying a signature; empty until an admin enters one. */
	@Transactional(readOnly = true)
	Optional<String> stripeSecret() {
		return jdbc.query("select stripe_secret from billing_settings where id = 1", (rs, n) -> rs.getString(1))
			.stream().filter(s -> s != null).findFirst().map(sealed -> secrets.open(sealed, CONTEXT));
	}

	/** When the secret was last saved, or empty when there is none. */
	@Transactional(readOnly = true)
	Optional<Instant> secretSavedAt() {
		return jdbc.query("select updated_at from billing_settings where id = 1 and stripe_secret is not null",
				(rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).stream().findFirst();
	}

	@Transactional
	void saveStripeSecret(String secret) {
		String value = secret == null ? "" : secret.strip();
		if (!value.matches("whsec_[A-Za-z0-9+/=_-]{8,200}")) {
			throw InvalidInputException.of("secret", "errors.billing.secret");
		}
		String sealed = secrets.seal(value, CONTEXT);
		Timestamp now = Timestamp.from(clock.instant());
		if (jdbc.update("update billing_settings set stripe_secret = ?, updated_at = ? where id = 1", sealed, now) == 0) {
			jdbc.update("insert into billing_settings (id, stripe_secret, updated_at) values (1, ?, ?)", sealed, now);
		}
	}
}
