package io.rapport.knowledge;

import java.time.Instant;

/**
 * Past reader activity written at a given time (the demo's 90 days of views, votes and searches), into the same
 * streams the help center records live. Anonymous: no contact, no events.
 */
public interface KnowledgeHistory {

	void viewed(long articleId, String locale, Instant at);

	/** A vote by {@code voter} (an anonymous visitor id); the comment is kept only with a "no". */
	void voted(long articleId, String locale, String voter, boolean helpful, String comment, Instant at);

	/** A search on the help center's results page ({@code query} normalized as the live log does). */
	void searched(String query, String locale, int resultCount, Instant at);
}
