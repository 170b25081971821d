package io.rapport.knowledge.helpcenter;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import io.rapport.knowledge.ArticleViewed;
import io.rapport.knowledge.KnowledgeSearched;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what readers do, one JDBC insert each (a stream, not an aggregate): article views and searches, with
 * the contact and account of a signed-in contact (and an event for customer success in the same transaction),
 * nothing personal for anyone else.
 */
@Component
class ReaderActivity {

	static final int QUERY_LENGTH = 200;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReaderActivity(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** A query as the reports group it: trimmed, spaces collapsed, lower case, at most 200 characters. */
	static String normalize(String query) {
		String text = query == null ? "" : query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		if (text.length() > QUERY_LENGTH) {
			text = text.substring(0, Character.isHighSurrogate(text.charAt(QUERY_LENGTH - 1)) ? QUERY_LENGTH - 1
					: QUERY_LENGTH);
		}
		return text;
	}

	@Transactional
	void viewed(long articleId, String locale, Reader reader) {
		Instant now = clock.instant();
		jdbc.update("insert into knowledge_article_views (article_id, locale, contact_id, account_id, viewed_at) "
				+ "values (?, ?, ?, ?, ?)", articleId, locale, reader.contactId(), reader.accountId(), Timestamp.from(now));
		if (reader.isContact()) {
			events.publishEvent(new ArticleViewed(articleId, locale, reader.contactId(), reader.accountId(), now));
		}
	}

	/** Logs a search and answers its id, so that the result clicked can be added to it. */
	@Transactional
	long searched(String query, String locale, int resultCount, String source, Reader reader) {
		Instant now = clock.instant();
		String normalized = normalize(query);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement("insert into knowledge_searches (query, locale, "
					+ "source, result_count, contact_id, account_id, searched_at) values (?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			insert.setString(1, normalized);
			insert.setString(2, locale);
			insert.setString(3, source);
			insert.setInt(4, resultCount);
			insert.setObject(5, reader.contactId(), Types.BIGINT);
			insert.setObject(6, reader.accountId(), Types.BIGINT);
			insert.setTimestamp(7, Timestamp.from(now));
			return insert;
		}, key);
		if (reader.isContact()) {
			events.publishEvent(new KnowledgeSearched(normalized, locale, resultCount, reader.contactId(),
					reader.accountId(), now));
		}
		return key.getKey().longValue();
	}

	/** The first result opened from a search; later clicks on the same search keep the first. */
	void clicked(long searchId, long articleId) {
		jdbc.update("update knowledge_searches set clicked_article_id = ?, clicked_at = ? "
				+ "where id = ? and clicked_article_id is null", articleId, Timestamp.from(clock.instant()), searchId);
	}
}
