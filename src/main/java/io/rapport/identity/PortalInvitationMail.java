package io.rapport.identity;

/**
 * Sends a new portal invitation to its contact by mail. Implemented by the portal (which owns the link's page and
 * may use the mail channel); identity calls it when an invitation is issued, in the same transaction, so the mail
 * is queued only if the invitation commits.
 */
public interface PortalInvitationMail {

	/** Queues the invitation's mail; false when no mail can be sent (the agent then copies the link). */
	boolean send(PortalInvitations.Issued invitation);
}
