package io.rapport.portal;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.PortalAccounts;
import io.rapport.identity.PortalTokens;
import io.rapport.identity.PortalTokens.Claim;
import io.rapport.identity.PortalTokens.Purpose;
import io.rapport.shared.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password": a single-use link, valid for an hour, mailed to a contact support knows. The request is
 * answered the same whether or not the address is known or the limit was reached, so the page tells nobody who is a
 * customer. Each request let through is recorded on the contact as {@link #FACT} (customer success counts them).
 * Opening the link proves the address: the password is set, the login verified (or created, for a contact who
 * never had one) and the customer signed in.
 */
@Service
class PasswordResets {

	static final String FACT = "PASSWORD_RESET_REQUESTED";

	private final AccountsApi accounts;

	private final PortalAccounts portalAccounts;

	private final PortalTokens tokens;

	private final PortalMail mail;

	private final ResetThrottle throttle;

	private final Clock clock;

	PasswordResets(AccountsApi accounts, PortalAccounts portalAccounts, PortalTokens tokens, PortalMail mail,
			ResetThrottle throttle, Clock clock) {
		this.accounts = accounts;
		this.portalAccounts = portalAccounts;
		this.tokens = tokens;
		this.mail = mail;
		this.throttle = throttle;
		this.clock = clock;
	}

	/** Mails a reset link when the address is a contact's and the limits allow; answers nothing either way. */
	@Transactional
	void request(String email, String client, Locale locale) {
		String normalized = IdentityApi.normalize(email);
		if (normalized.isEmpty() || normalized.length() > 254 || !throttle.allow(normalized, client)) {
			return;
		}
		if (portalAccounts.isAgent(normalized)) {
			return;
		}
		Optional<ContactView> contact = accounts.contactByEmail(normalized);
		if (contact.isEmpty()) {
			return;
		}
		accounts.recordFact(contact.get().id(), FACT, clock.instant());
		if (mail.canSend()) {
			mail.sendReset(contact.get().id(), normalized, contact.get().displayName(), locale);
		}
	}

	/** Whom a reset link names while it can still be used. */
	Optional<Claim> pending(String token) {
		return tokens.peek(Purpose.RESET, token);
	}

	/**
	 * Sets the new password and uses the link up; a password too weak leaves the link unused.
	 *
	 * @return the address to sign in with, empty when the link cannot be used
	 */
	@Transactional
	Optional<String> reset(String token, String password) {
		if (password == null || password.length() < 10 || password.length() > 200) {
			throw InvalidInputException.of("password", "errors.password.short");
		}
		Optional<Claim> claim = tokens.consume(Purpose.RESET, token);
		claim.ifPresent(c -> portalAccounts.resetPassword(c.contactId(), c.email(),
				accounts.contact(c.contactId()).map(ContactView::displayName).orElse(c.email()), password));
		return claim.map(Claim::email);
	}
}
