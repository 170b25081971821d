package io.rapport.surveys.csat;

import java.time.Instant;
import java.util.Set;

import io.rapport.tickets.Channel;

/** One survey: one solve of one ticket, asked of its requester. */
public record Survey(long id, long ticketId, long contactId, Instant solvedAt, Instant dueAt, State state, Long accountId,
		Long agentId, String groupKey, Channel channel, String language, Instant offeredAt, Instant expiresAt,
		Long outboxId, Integer rating, Instant ratedAt) {

	public enum State {
		/** Waiting for its due time. */
		SCHEDULED,
		/** Mailed to the requester, and open in the portal. */
		SENT,
		/** Open in the portal only: no mailbox could send it. */
		OFFERED,
		/** Not asked: the requester has no email address. */
		SKIPPED_NO_EMAIL,
		/** Not asked: the ticket was closed (or is gone) before the survey was due. */
		SKIPPED_CLOSED,
		/** Not asked: the ticket was reopened before the survey was due; the next solve asks again. */
		CANCELLED_REOPENED,
		/** A later solve of the ticket asked again; this one can no longer be answered. */
		SUPERSEDED;

		static final Set<State> OPEN = Set.of(SENT, OFFERED);

		static final Set<State> WAITING_OR_OPEN = Set.of(SCHEDULED, SENT, OFFERED);
	}

	/** Whether the requester may still answer or change their answer at {@code now}. */
	boolean openAt(Instant now) {
		return State.OPEN.contains(state) && expiresAt != null && now.isBefore(expiresAt);
	}
}
