package io.rapport.portal;

import java.util.Locale;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.PortalInvitationMail;
import io.rapport.identity.PortalInvitations.Issued;

import org.springframework.stereotype.Component;

/**
 * Mails a portal invitation ({@code portal.invitation}) to its contact, in the contact's language (English when
 * unknown), when mail can be sent; the agent's page then says it was sent, and still shows the link to copy.
 */
@Component
class InvitationMailer implements PortalInvitationMail {

	private final PortalMail mail;

	private final AccountsApi accounts;

	InvitationMailer(PortalMail mail, AccountsApi accounts) {
		this.mail = mail;
		this.accounts = accounts;
	}

	@Override
	public boolean send(Issued invitation) {
		if (!mail.canSend()) {
			return false;
		}
		Locale locale = accounts.contact(invitation.contactId()).map(ContactView::locale).orElse(null);
		mail.sendInvitation(invitation.email(), invitation.name(), locale == null ? Locale.ENGLISH : locale,
				invitation.token());
		return true;
	}
}
