package io.rapport.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.rapport.identity.internal.Agents;
import io.rapport.identity.internal.PortalInvitation;
import io.rapport.identity.internal.PortalInvitationRecords;
import io.rapport.shared.ConflictException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to the customer portal: an agent invites a contact, the contact opens a single-use link that expires
 * after {@link #VALID_FOR}, chooses a password, and is signed in. The link's token is 32 random bytes and only its
 * hash is stored; a new invitation for the same contact replaces the earlier link. The link is mailed to the
 * contact when mail can be sent ({@link PortalInvitationMail}) and shown to the agent to copy in any case.
 */
@Service
public class PortalInvitations {

	public static final Duration VALID_FOR = Duration.ofDays(7);

	private final SecureRandom random = new SecureRandom();

	private final PortalInvitationRecords invitations;

	private final Agents agents;

	private final IdentityApi identity;

	private final Clock clock;

	private final ObjectProvider<PortalInvitationMail> mail;

	PortalInvitations(PortalInvitationRecords invitations, Agents agents, IdentityApi identity, Clock clock,
			ObjectProvider<PortalInvitationMail> mail) {
		this.invitations = invitations;
		this.agents = agents;
		this.identity = identity;
		this.clock = clock;
		this.mail = mail;
	}

	/** A new link for the contact; earlier links for them stop working. Refused for an agent's email. */
	@Transactional
	public Issued invite(long contactId, String email, String name, AuthenticatedUser by) {
		by.requireAgent();
		String normalized = IdentityApi.normalize(email);
		if (agents.findByEmail(normalized).isPresent()) {
			throw ConflictException.of("errors.email.agent-in-portal", normalized);
		}
		Instant now = clock.instant();
		invitations.findByContactIdAndUsedAtIsNullAndRevokedAtIsNull(contactId).forEach(old -> old.revoke(now));
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		invitations.save(new PortalInvitation(contactId, normalized, name, PortalInvitation.hash(token), by.id(), now,
				now.plus(VALID_FOR)));
		Issued issued = new Issued(contactId, normalized, name, token, now.plus(VALID_FOR), false);
		PortalInvitationMail sender = mail.getIfAvailable();
		return sender != null && sender.send(issued) ? issued.mailed() : issued;
	}

	/** What the link's page shows before the contact chooses a password. */
	@Transactional(readOnly = true)
	public Lookup lookup(String token) {
		Optional<PortalInvitation> found = find(token);
		if (found.isEmpty()) {
			return new Lookup(State.UNKNOWN, null, null);
		}
		PortalInvitation invitation = found.get();
		return new Lookup(state(invitation), invitation.getEmail(), invitation.getName());
	}

	/**
	 * Sets the contact's portal password and uses the link up, in one transaction: of two simultaneous requests
	 * with one link, one succeeds and the other is told the link was used; a password too weak leaves the link
	 * unused (the rule is {@link IdentityApi#grantPortalLogin}'s).
	 *
	 * @return the email to sign in with
	 * @throws Unusable when the link is unknown, used, replaced or expired
	 */
	@Transactional
	public String accept(String token, String password) {
		PortalInvitation invitation = find(token).orElseThrow(() -> new Unusable(State.UNKNOWN));
		State state = state(invitation);
		if (state != State.PENDING) {
			throw new Unusable(state);
		}
		if (invitations.markUsed(invitation.getId(), clock.instant()) != 1) {
			throw new Unusable(State.USED);
		}
		identity.grantPortalLogin(invitation.getContactId(), invitation.getEmail(),
				invitation.getName() == null ? invitation.getEmail() : invitation.getName(), password);
		return invitation.getEmail();
	}

	private Optional<PortalInvitation> find(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return invitations.findByTokenHash(PortalInvitation.hash(token));
	}

	private State state(PortalInvitation invitation) {
		if (invitation.isUsed()) {
			return State.USED;
		}
		if (invitation.isRevoked()) {
			return State.REPLACED;
		}
		return invitation.isExpiredAt(clock.instant()) ? State.EXPIRED : State.PENDING;
	}

	public enum State {
		PENDING, USED, REPLACED, EXPIRED, UNKNOWN
	}

	/**
	 * A new invitation: {@code token} goes into the link and is never stored; {@code sent} says whether it was
	 * mailed to {@code email}.
	 */
	public record Issued(long contactId, String email, String name, String token, Instant expiresAt, boolean sent) {

		Issued mailed() {
			return new Issued(contactId, email, name, token, expiresAt, true);
		}
	}

	public record Lookup(State state, String email, String name) {
	}

	/** The link cannot be used; {@code state} says why, for a page that tells the contact what to do. */
	public static final class Unusable extends RuntimeException {

		private final State state;

		Unusable(State state) {
			super("This invitation cannot be used: " + state);
			this.state = state;
		}

		public State state() {
			return state;
		}
	}
}
