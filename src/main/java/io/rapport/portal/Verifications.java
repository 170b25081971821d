package io.rapport.portal;

import java.util.Optional;

import io.rapport.identity.PortalAccounts;
import io.rapport.identity.PortalTokens;
import io.rapport.identity.PortalTokens.Claim;
import io.rapport.identity.PortalTokens.Purpose;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening the verification link mailed after sign-up. The customer confirms with the password they chose, so the
 * owner of an address cannot be made to verify a stranger's sign-up by clicking a link they did not ask for; the
 * link then works no more, and the contact, with every ticket it already had, is theirs.
 */
@Service
class Verifications {

	private final PortalTokens tokens;

	private final PortalAccounts portalAccounts;

	Verifications(PortalTokens tokens, PortalAccounts portalAccounts) {
		this.tokens = tokens;
		this.portalAccounts = portalAccounts;
	}

	/** Whom the link names while it can still be used and the address still waits for verification. */
	Optional<Claim> pending(String token) {
		return tokens.peek(Purpose.VERIFY, token)
			.filter(claim -> portalAccounts.state(claim.email()) == PortalAccounts.LoginState.UNVERIFIED);
	}

	/**
	 * Verifies the address and uses the link up when the password is the one chosen at sign-up.
	 *
	 * @return the address to sign in with, empty when the link cannot be used
	 * @throws WrongPassword when the password is not the one chosen (the link stays usable)
	 */
	@Transactional
	Optional<String> verify(String token, String password) {
		Optional<Claim> claim = pending(token).flatMap(pending -> tokens.consume(Purpose.VERIFY, token));
		if (claim.isPresent() && !portalAccounts.verify(claim.get().contactId(), password)) {
			throw new WrongPassword();
		}
		return claim.map(Claim::email);
	}

	/** Rolls the use of the link back: the customer may try their password again. */
	static final class WrongPassword extends RuntimeException {

		WrongPassword() {
			super("Not the password chosen at sign-up");
		}
	}
}
