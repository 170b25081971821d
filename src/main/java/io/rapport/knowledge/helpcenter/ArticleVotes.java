package io.rapport.knowledge.helpcenter;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.rapport.knowledge.ArticleVoted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Was this helpful?": one vote per visitor and article, changed in place when they change their mind. A comment
 * is kept only with a "no" (what was missing); a later "yes" clears it.
 */
@Component
public class ArticleVotes {

	static final int COMMENT_LENGTH = 2000;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ArticleVotes(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public record Vote(long articleId, String locale, boolean helpful, String comment) {
	}

	@Transactional
	Vote vote(long articleId, String locale, boolean helpful, String comment, Reader reader) {
		String voter = reader.voter();
		if (voter == null) {
			throw new IllegalArgumentException("A vote needs a visitor");
		}
		String kept = helpful || comment == null || comment.isBlank() ? null : comment.strip();
		Instant now = clock.instant();
		int changed = jdbc.update("update knowledge_votes set locale = ?, helpful = ?, comment = ?, contact_id = ?, "
				+ "account_id = ?, updated_at = ? where article_id = ? and voter = ?", locale, helpful, kept,
				reader.contactId(), reader.accountId(), Timestamp.from(now), articleId, voter);
		if (changed == 0) {
			jdbc.update("insert into knowledge_votes (article_id, locale, voter, contact_id, account_id, helpful, "
					+ "comment, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", articleId, locale, voter,
					reader.contactId(), reader.accountId(), helpful, kept, Timestamp.from(now), Timestamp.from(now));
		}
		if (reader.isContact()) {
			events.publishEvent(new ArticleVoted(articleId, locale, helpful, reader.contactId(), reader.accountId(), now));
		}
		return new Vote(articleId, locale, helpful, kept);
	}

	/** This reader's vote on the article, if they voted. */
	Optional<Vote> of(long articleId, Reader reader) {
		String voter = reader.voter();
		if (voter == null) {
			return Optional.empty();
		}
		List<Vote> found = jdbc.query("select article_id, locale, helpful, comment from knowledge_votes "
				+ "where article_id = ? and voter = ?", (row, n) -> new Vote(row.getLong(1), row.getString(2),
						row.getBoolean(3), row.getString(4)), articleId, voter);
		return found.stream().findFirst();
	}
}
