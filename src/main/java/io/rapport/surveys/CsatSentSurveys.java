package io.rapport.surveys;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The CSAT surveys that reached their requester (mailed, or offered in the portal when no mailbox can send) and
 * whether each was answered, for reports that put the response rate beside CSAT per channel, group, agent, account
 * or period: the event {@link CsatRated} tells only of answers.
 */
public interface CsatSentSurveys {

	/** Each survey sent from {@code from} (included) to {@code to} (excluded), in no particular order. */
	void eachSent(Instant from, Instant to, Consumer<SentSurvey> each);

	/** One survey: when it was sent, whether it has an answer, and the ticket's keys when it was solved. */
	record SentSurvey(Instant sentAt, boolean answered, String channel, String groupKey, Long agentId,
			Long accountId) {
	}
}
