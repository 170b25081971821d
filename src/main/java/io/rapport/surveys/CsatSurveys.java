package io.rapport.surveys;

import java.time.Instant;
import java.util.Optional;

import io.rapport.identity.AuthenticatedUser;

/**
 * The CSAT survey of a solved ticket, for the pages and clients that show it to its requester (the portal, the API)
 * and for the demo. A survey opens when it is due (a configurable delay after the solve) and stays open 30 days;
 * only the ticket's requester may answer it, and anyone else is told it does not exist.
 */
public interface CsatSurveys {

	/** The open survey of the ticket, when {@code customer} is its requester and the ticket is solved. */
	Optional<CsatOffer> offerFor(long ticketId, AuthenticatedUser customer);

	/**
	 * Records (or changes) the requester's rating of 1 to 5, with a comment ({@code null} keeps the one given,
	 * blank removes it). A bad {@code rating} is an invalid input naming {@code rating}; a ticket without an open
	 * survey for this customer is not found.
	 */
	CsatAnswerView rate(long ticketId, Integer rating, String comment, AuthenticatedUser customer);

	/**
	 * A survey that was offered at {@code offeredAt} about the ticket's last solve, answered at {@code ratedAt}
	 * ({@code rating} null: not answered). For demo data and imports of past answers; publishes {@link CsatRated}.
	 * Answers false when that solve's survey was opened already (nothing recorded).
	 */
	boolean recordPast(long ticketId, Integer rating, String comment, Instant offeredAt, Instant ratedAt);
}
