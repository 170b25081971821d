package io.rapport.knowledge;

import java.time.Instant;

/**
 * A signed-in contact read a help-center article: a dated activity for customer success (an account that never
 * reads the knowledge base is at risk). Anonymous views are only counted, never published.
 */
public record ArticleViewed(long articleId, String locale, long contactId, Long accountId, Instant at) {
}
