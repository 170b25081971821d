package io.rapport.surveys;

import java.util.Collection;
import java.util.Map;

/**
 * The customers' own words in CSAT answers, for agents' reports (the support lead's dashboard shows the latest):
 * the event {@link CsatRated} says only whether there is a comment.
 */
public interface CsatCommentTexts {

	/** The comment in force on each ticket's answer, by ticket id; tickets without one are left out. */
	Map<Long, String> commentsOn(Collection<Long> ticketIds);
}
