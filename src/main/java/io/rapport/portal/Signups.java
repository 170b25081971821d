package io.rapport.portal;

import java.util.Locale;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.accounts.NewContact;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.PortalAccounts;
import io.rapport.shared.ConflictException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service sign-up, in one transaction, so there is never a login without a contact. The portal's language
 * (the browser's, narrowed to one Rapport speaks) becomes the contact's, for their mail.
 * <p>
 * When mail can be sent, the login waits for its address to be verified (a link mailed to it, opened with the
 * password chosen here), and an address support already knows is accepted: the contact and its tickets become the
 * customer's once the address is proven. Without mail there is no proof, so such addresses are refused (their
 * people get an invitation) and a new address signs in at once.
 */
@Service
class Signups {

	private final AccountsApi accounts;

	private final IdentityApi identity;

	private final PortalAccounts portalAccounts;

	private final PortalMail mail;

	Signups(AccountsApi accounts, IdentityApi identity, PortalAccounts portalAccounts, PortalMail mail) {
		this.accounts = accounts;
		this.identity = identity;
		this.portalAccounts = portalAccounts;
		this.mail = mail;
	}

	/** Signs up; answers whether the address must be verified before signing in. */
	@Transactional
	boolean signUp(String name, String email, String password, Locale locale) {
		String normalized = IdentityApi.normalize(email);
		if (!mail.canSend()) {
			accounts.setLocale(signUpWithoutMail(name, normalized, password).id(), locale);
			return false;
		}
		if (portalAccounts.isAgent(normalized)) {
			throw EmailTaken.forEmail(normalized);
		}
		ContactView contact = accounts.contactByEmail(normalized)
			.orElseGet(() -> accounts.createContact(new NewContact(normalized, name.strip(), null, null)));
		try {
			portalAccounts.register(contact.id(), normalized, name.strip(), password);
		}
		catch (ConflictException taken) {
			throw EmailTaken.forEmail(normalized);
		}
		accounts.setLocale(contact.id(), locale);
		mail.sendVerification(contact.id(), normalized, name.strip(), locale);
		return true;
	}

	/** Sends a new verification link when the address has a login waiting for one; says nothing either way. */
	@Transactional
	void resendVerification(String email, Locale locale) {
		String normalized = IdentityApi.normalize(email);
		if (mail.canSend() && portalAccounts.state(normalized) == PortalAccounts.LoginState.UNVERIFIED) {
			portalAccounts.contactOf(normalized).ifPresent(contactId -> mail.sendVerification(contactId, normalized,
					accounts.contact(contactId).map(ContactView::displayName).orElse(normalized), locale));
		}
	}

	private ContactView signUpWithoutMail(String name, String normalized, String password) {
		if (identity.emailInUse(normalized) || accounts.contactByEmail(normalized).isPresent()) {
			throw EmailTaken.forEmail(normalized);
		}
		return accounts.createContact(new NewContact(normalized, name.strip(), null, password));
	}

	/** The email belongs to someone already; the page asks them to sign in or reset their password. */
	static final class EmailTaken extends ConflictException {

		private EmailTaken(String email) {
			super("errors.portal.email-taken", new Object[] { email });
		}

		static EmailTaken forEmail(String email) {
			return new EmailTaken(email);
		}
	}
}
