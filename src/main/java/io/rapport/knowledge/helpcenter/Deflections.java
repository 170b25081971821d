package io.rapport.knowledge.helpcenter;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The suggestions in the portal's new-request form. Each opened form is a session (a random id in the form):
 * an article shown or opened counts once per session, and "my question was answered, no request sent" once,
 * for the article read last (or the first one shown when none was opened).
 */
@Component
class Deflections {

	enum Kind {
		SHOWN, OPENED, ANSWERED
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Deflections(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	static String newSession() {
		return UUID.randomUUID().toString();
	}

	/** A session id as the form sent it, when it is one we could have made. */
	static Optional<String> session(String value) {
		return value != null && value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
				? Optional.of(value) : Optional.empty();
	}

	void shown(String session, List<Long> articleIds, Reader reader) {
		for (Long articleId : articleIds) {
			record(session, Kind.SHOWN, articleId, reader);
		}
	}

	void opened(String session, long articleId, Reader reader) {
		record(session, Kind.OPENED, articleId, reader);
	}

	/** Ends the session without a request; false when nothing was suggested in it. */
	boolean answered(String session, Reader reader) {
		Optional<Long> article = last(session, Kind.OPENED, "desc").or(() -> last(session, Kind.SHOWN, "asc"));
		article.ifPresent(id -> {
			if (last(session, Kind.ANSWERED, "asc").isEmpty()) {
				record(session, Kind.ANSWERED, id, reader);
			}
		});
		return article.isPresent();
	}

	private Optional<Long> last(String session, Kind kind, String order) {
		return jdbc.queryForList("select article_id from knowledge_deflections where session_id = ? and kind = ? "
				+ "order by occurred_at " + order + ", id " + order, Long.class, session, kind.name())
			.stream().findFirst();
	}

	private void record(String session, Kind kind, long articleId, Reader reader) {
		try {
			jdbc.update("insert into knowledge_deflections (session_id, kind, article_id, contact_id, account_id, "
					+ "occurred_at) select ?, ?, ?, ?, ?, ? from (values (1)) as one (x) where not exists (select 1 "
					+ "from knowledge_deflections where session_id = ? and kind = ? and article_id = ?)", session,
					kind.name(), articleId, reader.contactId(), reader.accountId(), Timestamp.from(clock.instant()),
					session, kind.name(), articleId);
		}
		catch (DuplicateKeyException counted) {
			// the same article in the same session at the same moment: counted once already
		}
	}
}
