package io.rapport.knowledge;

import java.time.Instant;

/** A signed-in contact searched the help center ({@code query} normalized); anonymous searches are not published. */
public record KnowledgeSearched(String query, String locale, int resultCount, long contactId, Long accountId,
		Instant at) {
}
