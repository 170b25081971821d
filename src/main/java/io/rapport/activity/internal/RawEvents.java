package io.rapport.activity.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import io.rapport.shared.Database;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Appends raw events: on PostgreSQL with {@code COPY ... FROM STDIN} on the transaction's own connection (one
 * round trip for a whole batch), elsewhere with a JDBC batch. Nothing ever updates a raw event.
 */
@Component
class RawEvents {

	static final String COLUMNS = "received_at, occurred_at, type, event, user_id, anonymous_id, account_id, "
			+ "contact_id, message_id, write_key_id, payload";

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final Database database;

	RawEvents(JdbcTemplate jdbc, DataSource dataSource, Database database) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.database = database;
	}

	/**
	 * COPY pays off for a batch; a few rows (one of Rapport's own facts, as a ticket is opened) are a prepared
	 * insert: one round trip, where COPY takes two and a statement parsed each time.
	 */
	static final int COPY_FROM = 20;

	void append(List<RawRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		if (database.postgres() && rows.size() >= COPY_FROM) {
			copy(rows);
		}
		else {
			jdbc.batchUpdate("insert into activity_events (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					rows, 500, (statement, row) -> {
						statement.setTimestamp(1, Timestamp.from(row.receivedAt()));
						statement.setTimestamp(2, Timestamp.from(row.occurredAt()));
						statement.setString(3, row.type());
						statement.setString(4, row.event());
						statement.setString(5, row.userId());
						statement.setString(6, row.anonymousId());
						statement.setObject(7, row.accountId(), Types.BIGINT);
						statement.setObject(8, row.contactId(), Types.BIGINT);
						statement.setString(9, row.messageId());
						statement.setObject(10, row.writeKeyId(), Types.BIGINT);
						statement.setString(11, row.payload());
					});
		}
	}

	private void copy(List<RawRow> rows) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy activity_events (" + COLUMNS + ") from stdin",
						new ByteArrayInputStream(copyText(rows).getBytes(StandardCharsets.UTF_8)));
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("COPY into activity_events failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * The rows in COPY's text format: tab-separated, {@code \N} for null, backslash escapes; timestamps in UTC to the
	 * microsecond (PostgreSQL's precision; the rest is cut, not rounded).
	 */
	static String copyText(List<RawRow> rows) {
		var text = new StringBuilder(rows.size() * 200);
		Instant receivedAt = null;
		String receivedText = null;
		for (RawRow row : rows) {
			if (!row.receivedAt().equals(receivedAt)) { // a batch shares one
				receivedAt = row.receivedAt();
				receivedText = Timestamps.appendUtc(new StringBuilder(32), receivedAt).toString();
			}
			text.append(receivedText).append('\t');
			Timestamps.appendUtc(text, row.occurredAt()).append('\t');
			field(text, row.type()).append('\t');
			field(text, row.event()).append('\t');
			field(text, row.userId()).append('\t');
			field(text, row.anonymousId()).append('\t');
			number(text, row.accountId()).append('\t');
			number(text, row.contactId()).append('\t');
			field(text, row.messageId()).append('\t');
			number(text, row.writeKeyId()).append('\t');
			field(text, row.payload()).append('\n');
		}
		return text.toString();
	}

	private static StringBuilder number(StringBuilder text, Long value) {
		return value == null ? text.append("\\N") : text.append(value.longValue());
	}

	private static StringBuilder field(StringBuilder text, String s) {
		if (s == null) {
			return text.append("\\N");
		}
		int clean = 0;
		while (clean < s.length() && s.charAt(clean) >= ' ' && s.charAt(clean) != '\\') { // most text: no escapes
			clean++;
		}
		if (clean == s.length()) {
			return text.append(s);
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				case '\t' -> text.append("\\t");
				case '\0' -> { }
				default -> text.append(c);
			}
		}
		return text;
	}
}
