package io.rapport.activity.internal;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.rapport.shared.Database;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Idempotency: each messageId is claimed once. Claims commit with the events they let through, so a batch that
 * failed claimed nothing and its retry is stored; a batch that was stored and retried finds its ids taken.
 */
@Component
class MessageIds {

	private final JdbcTemplate jdbc;

	private final Database database;

	MessageIds(JdbcTemplate jdbc, Database database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	/** Of these distinct ids, those not seen before, now claimed in the current transaction. */
	Set<String> claim(Collection<String> ids, Instant receivedAt) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return database.postgres() ? claimOnPostgres(ids, receivedAt) : claimOnH2(List.copyOf(ids), receivedAt);
	}

	private Set<String> claimOnPostgres(Collection<String> ids, Instant receivedAt) {
		return jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
			Array array = connection.createArrayOf("varchar", ids.toArray());
			try (var statement = connection.prepareStatement("insert into activity_message_ids (message_id, "
					+ "received_at) select unnest(?::varchar[]), ? on conflict do nothing returning message_id")) {
				statement.setArray(1, array);
				statement.setTimestamp(2, Timestamp.from(receivedAt));
				Set<String> claimed = new HashSet<>();
				try (var rows = statement.executeQuery()) {
					while (rows.next()) {
						claimed.add(rows.getString(1));
					}
				}
				return claimed;
			}
		});
	}

	private Set<String> claimOnH2(List<String> ids, Instant receivedAt) {
		Timestamp at = Timestamp.from(receivedAt);
		int[][] counts = jdbc.batchUpdate("insert into activity_message_ids (message_id, received_at) values (?, ?) "
				+ "on conflict do nothing", ids, 500, (statement, id) -> {
					statement.setString(1, id);
					statement.setTimestamp(2, at);
				});
		Set<String> claimed = new HashSet<>();
		int i = 0;
		for (int[] chunk : counts) {
			for (int count : chunk) {
				if (count > 0) {
					claimed.add(ids.get(i));
				}
				i++;
			}
		}
		return claimed;
	}

	/** Forgets ids received before the cut-off (kept at least 7 days: the promise of idempotency). */
	int forgetBefore(Instant cutoff) {
		return jdbc.update("delete from activity_message_ids where received_at < ?", Timestamp.from(cutoff));
	}
}
