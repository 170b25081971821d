package io.rapport.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rapport.accounts.Mrr;
import io.rapport.identity.AgentView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.timeline.TimelineEntry;
import io.rapport.shared.timeline.TimelineSource;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the accounts module knows of an account's life, on its timeline: stage moves (with the reason and who or
 * which rule moved it), subscription movements (new, expansion, contraction, cancellation, reactivation, plan change,
 * with the MRR after it and the difference) and the owner's pinned note. A movement dated in the future (a
 * cancellation at the end of the term) appears once its day has come, since the page asks for what is before now.
 */
@Component
class AccountTimeline implements TimelineSource {

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final IdentityApi identity;

	AccountTimeline(JdbcTemplate jdbc, MessageSource messages, IdentityApi identity) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.identity = identity;
	}

	/** A row before it is put in words. {@code args} are the message's arguments after the first. */
	private record Row(Instant at, String kind, String key, Object[] args, String detail, Long agentId, String by) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> entries(long accountId, Instant before, int limit, Locale locale) {
		Timestamp until = Timestamp.from(before);
		List<Row> rows = new ArrayList<>();
		rows.addAll(jdbc.query("select changed_at, from_stage, to_stage, reason, agent_id, moved_by "
				+ "from account_stage_changes where account_id = ? and changed_at < ? order by changed_at desc limit ?",
				(rs, n) -> new Row(time(rs, 1), "stage.changed",
						rs.getString(2) == null ? "timeline.stage.started" : "timeline.stage.changed",
						new Object[] { stage(rs.getString(3), locale), stage(rs.getString(2), locale) }, rs.getString(4),
						rs.getObject(5, Long.class), rs.getString(6)), accountId, until, limit));
		rows.addAll(jdbc.query("select effective_at, kind, plan, mrr_cents, mrr_delta_cents, currency, seats, reason, "
				+ "recorded_by from subscription_movements where account_id = ? and effective_at < ? "
				+ "order by effective_at desc limit ?",
				(rs, n) -> new Row(time(rs, 1), "subscription." + rs.getString(2).toLowerCase(Locale.ROOT),
						"timeline.subscription." + rs.getString(2),
						new Object[] { rs.getString(3), money(rs.getLong(4), rs.getString(6), locale),
								money(Math.abs(rs.getLong(5)), rs.getString(6), locale), rs.getInt(7) },
						rs.getString(8), rs.getObject(9, Long.class), null), accountId, until, limit));
		rows.addAll(jdbc.query("select pinned_note_at, pinned_note, pinned_note_by from accounts where id = ? "
				+ "and pinned_note is not null and pinned_note_at < ?",
				(rs, n) -> new Row(time(rs, 1), "note.pinned", "timeline.note.pinned", new Object[0], rs.getString(2),
						rs.getObject(3, Long.class), null), accountId, until));
		rows.sort(Comparator.comparing(Row::at).reversed());
		List<Row> page = rows.subList(0, Math.min(limit, rows.size()));
		Map<Long, String> agents = new HashMap<>();
		if (page.stream().anyMatch(r -> r.agentId() != null)) {
			identity.agents().forEach((AgentView a) -> agents.put(a.id(), a.name()));
		}
		return page.stream().map(row -> new TimelineEntry(row.at(), row.kind(),
				messages.getMessage(row.key(), row.args(), locale), row.detail(), null,
				row.agentId() != null ? agents.get(row.agentId()) : row.by())).toList();
	}

	private String stage(String stage, Locale locale) {
		return stage == null ? "" : messages.getMessage("success.stage." + stage, null, stage, locale);
	}

	private static String money(long cents, String currency, Locale locale) {
		return new Mrr(cents, currency).format(locale);
	}

	private static Instant time(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}
}
