package io.rapport.knowledge.helpcenter;

import java.sql.Timestamp;
import java.time.Instant;

import io.rapport.knowledge.KnowledgeHistory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link KnowledgeHistory}: the streams {@link ReaderActivity} and {@link ArticleVotes} write, at a given time. */
@Component
@Transactional
class PastActivity implements KnowledgeHistory {

	private final JdbcTemplate jdbc;

	PastActivity(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void viewed(long articleId, String locale, Instant at) {
		jdbc.update("insert into knowledge_article_views (article_id, locale, viewed_at) values (?, ?, ?)", articleId,
				locale, Timestamp.from(at));
	}

	@Override
	public void voted(long articleId, String locale, String voter, boolean helpful, String comment, Instant at) {
		String kept = helpful || comment == null || comment.isBlank() ? null
				: comment.strip().substring(0, Math.min(comment.strip().length(), ArticleVotes.COMMENT_LENGTH));
		jdbc.update("delete from knowledge_votes where article_id = ? and voter = ?", articleId, voter);
		jdbc.update("insert into knowledge_votes (article_id, locale, voter, helpful, comment, created_at, updated_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)", articleId, locale, voter, helpful, kept, Timestamp.from(at),
				Timestamp.from(at));
	}

	@Override
	public void searched(String query, String locale, int resultCount, Instant at) {
		jdbc.update("insert into knowledge_searches (query, locale, source, result_count, searched_at) "
				+ "values (?, ?, 'PAGE', ?, ?)", ReaderActivity.normalize(query), locale, resultCount,
				Timestamp.from(at));
	}
}
