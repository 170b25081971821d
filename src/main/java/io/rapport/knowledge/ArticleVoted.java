package io.rapport.knowledge;

import java.time.Instant;

/** A signed-in contact said whether an article helped (again when they change their mind). */
public record ArticleVoted(long articleId, String locale, boolean helpful, long contactId, Long accountId,
		Instant at) {
}
