package io.rapport.portal;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.accounts.NewContact;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.ConflictException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service sign-up: a new contact and its portal login, in one transaction, so there is never a contact
 * without a login or a login without a contact.
 * <p>
 * An email that already belongs to a contact (someone support has heard from), an agent or a portal login is
 * refused: without a verified email, claiming it would let a stranger read that person's tickets. Such people get
 * an invitation from support; verification arrives with the email channel.
 */
@Service
class Signups {

	private final AccountsApi accounts;

	private final IdentityApi identity;

	Signups(AccountsApi accounts, IdentityApi identity) {
		this.accounts = accounts;
		this.identity = identity;
	}

	@Transactional
	ContactView signUp(String name, String email, String password) {
		String normalized = IdentityApi.normalize(email);
		if (identity.emailInUse(normalized) || accounts.contactByEmail(normalized).isPresent()) {
			throw EmailTaken.forEmail(normalized);
		}
		return accounts.createContact(new NewContact(normalized, name.strip(), null, password));
	}

	/** The email belongs to someone already; the page asks them to get an invitation from support. */
	static final class EmailTaken extends ConflictException {

		private EmailTaken(String email) {
			super("errors.portal.email-taken", new Object[] { email });
		}

		static EmailTaken forEmail(String email) {
			return new EmailTaken(email);
		}
	}
}
