package io.rapport.surveys.nps;

import java.time.Instant;
import java.util.Optional;

import io.rapport.shared.secrets.Signatures;
import io.rapport.shared.web.PublicLinks;

import org.springframework.stereotype.Component;

/**
 * The links of an NPS mail: {@code /surveys/nps/<token>/<score>}. The token is signed (HMAC-SHA256 under the
 * installation's key, purpose {@code nps-invitation}), names the invitation and its contact, and carries the
 * invitation's expiry inside the signature, so it cannot be guessed, moved to another invitation or contact, or
 * used after the invitation closed. It is not single-use: the contact may change the score until it expires.
 */
@Component
class NpsLinks {

	static final String PURPOSE = "nps-invitation";

	private final Signatures signatures;

	private final PublicLinks links;

	NpsLinks(Signatures signatures, PublicLinks links) {
		this.signatures = signatures;
		this.links = links;
	}

	String token(long invitationId, long contactId, Instant expiresAt) {
		return signatures.issue(PURPOSE, invitationId + ":" + contactId, expiresAt);
	}

	/** The invitation and contact a token names, when its signature holds and it has not expired. */
	Optional<Bound> verify(String token) {
		return signatures.verify(PURPOSE, token).flatMap(subject -> {
			int colon = subject.indexOf(':');
			try {
				return Optional.of(new Bound(Long.parseLong(subject.substring(0, colon)),
						Long.parseLong(subject.substring(colon + 1))));
			}
			catch (RuntimeException malformed) {
				return Optional.empty();
			}
		});
	}

	/** The page where the contact changes the score and writes a comment. */
	String pageUrl(String token) {
		return links.to("/surveys/nps/" + token);
	}

	String scoreUrl(String token, int score) {
		return links.to("/surveys/nps/" + token + "/" + score);
	}

	record Bound(long invitationId, long contactId) {
	}
}
