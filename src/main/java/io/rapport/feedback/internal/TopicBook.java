package io.rapport.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.rapport.feedback.FeedbackApi.NewTopic;
import io.rapport.feedback.FeedbackApi.TopicChange;
import io.rapport.feedback.FeedbackApi.TopicView;
import io.rapport.feedback.TopicState;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The topics table: creating, reading and changing topics, with the rules on their text. */
@Component
class TopicBook {

	static final int MAX_TITLE = 200;

	static final int MAX_DESCRIPTION = 4000;

	static final String COLUMNS = "t.id, t.title, t.description, t.state, t.created_by, t.created_at, t.updated_at, "
			+ "t.state_changed_at, t.notified_at, t.version";

	static final RowMapper<TopicView> ROW = TopicBook::row;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	TopicBook(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	TopicView create(NewTopic topic, long by) {
		String title = title(topic.title());
		String description = description(topic.description());
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var statement = connection.prepareStatement("""
					insert into feedback_topics (title, description, state, created_by, created_at, updated_at,
					state_changed_at, version) values (?, ?, ?, ?, ?, ?, ?, 0)""", new String[] { "id" });
			statement.setString(1, title);
			statement.setString(2, description);
			statement.setString(3, TopicState.OPEN.name());
			statement.setLong(4, by);
			statement.setTimestamp(5, now);
			statement.setTimestamp(6, now);
			statement.setTimestamp(7, now);
			return statement;
		}, keys);
		return get(keys.getKey().longValue());
	}

	TopicView get(long id) {
		return find(id).orElseThrow(() -> NotFoundException.of("errors.feedback.topic-not-found", id));
	}

	Optional<TopicView> find(long id) {
		return jdbc.query("select " + COLUMNS + " from feedback_topics t where t.id = ?", ROW, id).stream().findFirst();
	}

	List<TopicView> all() {
		return jdbc.query("select " + COLUMNS + " from feedback_topics t order by t.id", ROW);
	}

	@Transactional
	TopicView change(long id, TopicChange change) {
		TopicView current = get(id);
		if (change.expectedVersion() != null && change.expectedVersion() != current.version()) {
			throw ConflictException.of("errors.conflict.stale");
		}
		String title = change.title() == null ? current.title() : title(change.title());
		String description = change.description() == null ? current.description()
				: description(change.description());
		TopicState state = change.state() == null ? current.state() : change.state();
		Instant now = clock.instant();
		Instant stateChanged = state == current.state() ? current.stateChangedAt() : now;
		int updated = jdbc.update("""
				update feedback_topics set title = ?, description = ?, state = ?, updated_at = ?, state_changed_at = ?,
				version = version + 1 where id = ? and version = ?""", title, description, state.name(),
				Timestamp.from(now), Timestamp.from(stateChanged), id, current.version());
		if (updated == 0) {
			throw ConflictException.of("errors.conflict.stale");
		}
		return get(id);
	}

	void notified(long id, long by) {
		jdbc.update("update feedback_topics set notified_at = ?, notified_by = ? where id = ?",
				Timestamp.from(clock.instant()), by, id);
	}

	static String title(String title) {
		String value = title == null ? "" : title.strip();
		if (value.isEmpty() || value.length() > MAX_TITLE) {
			throw InvalidInputException.of("title", "errors.feedback.title", MAX_TITLE);
		}
		return value;
	}

	static String description(String description) {
		String value = description == null ? "" : description.strip();
		if (value.length() > MAX_DESCRIPTION) {
			throw InvalidInputException.of("description", "errors.feedback.description", MAX_DESCRIPTION);
		}
		return value.isEmpty() ? null : value;
	}

	private static TopicView row(ResultSet rs, int n) throws SQLException {
		return new TopicView(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
				TopicState.valueOf(rs.getString("state")), rs.getLong("created_by"), instant(rs, "created_at"),
				instant(rs, "updated_at"), instant(rs, "state_changed_at"), instant(rs, "notified_at"),
				rs.getLong("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
