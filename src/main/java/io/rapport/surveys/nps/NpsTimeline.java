package io.rapport.surveys.nps;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountsApi;
import io.rapport.shared.timeline.TimelineEntry;
import io.rapport.shared.timeline.TimelineSource;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's NPS answers on its timeline: the score, what it makes the person (promoter, passive, detractor) and
 * their comment. Read from {@code nps_answers} by account and time (indexed), cut at the limit.
 */
@Component
class NpsTimeline implements TimelineSource {

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final AccountsApi accounts;

	NpsTimeline(JdbcTemplate jdbc, MessageSource messages, AccountsApi accounts) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.accounts = accounts;
	}

	private record Row(Instant at, long contactId, int score, String comment) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> entries(long accountId, Instant before, int limit, Locale locale) {
		List<Row> rows = jdbc.query("select answered_at, contact_id, score, comment from nps_answers "
				+ "where account_id = ? and answered_at < ? order by answered_at desc limit ?",
				(rs, n) -> new Row(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2), rs.getInt(3),
						rs.getString(4)), accountId, Timestamp.from(before), limit);
		Map<Long, String> names = new HashMap<>();
		accounts.contacts(rows.stream().map(Row::contactId).collect(Collectors.toSet()))
			.forEach((id, c) -> names.put(id, c.displayName()));
		return rows.stream().map(row -> new TimelineEntry(row.at(), "nps.answered",
				messages.getMessage("timeline.nps." + NpsScore.category(row.score()), new Object[] { row.score() },
						locale), row.comment(), null, names.get(row.contactId()))).toList();
	}
}
