package io.rapport.portal;

import io.rapport.identity.PortalInvitationMail;
import io.rapport.identity.PortalInvitations.Issued;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Mails a portal invitation ({@code portal.invitation}) to its contact when mail can be sent; the agent's page then
 * says it was sent, and still shows the link to copy.
 */
@Component
class InvitationMailer implements PortalInvitationMail {

	private final PortalMail mail;

	InvitationMailer(PortalMail mail) {
		this.mail = mail;
	}

	@Override
	public boolean send(Issued invitation) {
		if (!mail.canSend()) {
			return false;
		}
		mail.sendInvitation(invitation.email(), invitation.name(), Locale.ENGLISH, invitation.token());
		return true;
	}
}
