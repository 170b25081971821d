package io.rapport.analytics.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.rapport.accounts.MovementKind;
import io.rapport.accounts.MovementView;
import io.rapport.analytics.internal.MrrSegments.Segment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The revenue read model's tables: the copy of the ledger and the month-end MRR segments computed from it. An
 * account is always replaced whole, so a movement seen twice or late changes nothing.
 */
@Component
class RevenueRows {

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	RevenueRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the account's ledger and segments by these movements (all of the account's). */
	void replace(long accountId, List<MovementView> movements, ZoneId zone) {
		jdbc.update("delete from analytics_revenue_movements where account_id = ?", accountId);
		jdbc.update("delete from analytics_mrr_segments where account_id = ?", accountId);
		insertMovements(movements);
		insertSegments(MrrSegments.of(movements, zone));
	}

	void deleteAll() {
		jdbc.update("delete from analytics_revenue_movements");
		jdbc.update("delete from analytics_mrr_segments");
	}

	void insertMovements(List<MovementView> movements) {
		jdbc.batchUpdate("insert into analytics_revenue_movements (movement_id, subscription_id, account_id, kind,"
				+ " effective_at, plan, mrr_cents, currency) values (?, ?, ?, ?, ?, ?, ?, ?)", movements, BATCH,
				(ps, m) -> {
					ps.setLong(1, m.id());
					ps.setLong(2, m.subscriptionId());
					ps.setLong(3, m.accountId());
					ps.setString(4, m.kind().name());
					ps.setTimestamp(5, Timestamp.from(m.effectiveAt()));
					ps.setString(6, m.plan());
					ps.setLong(7, m.mrrCents());
					ps.setString(8, m.currency());
				});
	}

	void insertSegments(List<Segment> segments) {
		jdbc.batchUpdate("insert into analytics_mrr_segments (subscription_id, account_id, plan, currency, from_month,"
				+ " until_month, mrr_cents) values (?, ?, ?, ?, ?, ?, ?)", segments, BATCH, (ps, s) -> {
					ps.setLong(1, s.subscriptionId());
					ps.setLong(2, s.accountId());
					ps.setString(3, s.plan());
					ps.setString(4, s.currency());
					ps.setDate(5, Date.valueOf(s.from()));
					ps.setDate(6, s.until() == null ? null : Date.valueOf(s.until()));
					ps.setLong(7, s.mrrCents());
				});
	}

	/** Recomputes every segment from the copied ledger, account by account (after the time zone changed). */
	long recomputeSegments(ZoneId zone) {
		jdbc.update("delete from analytics_mrr_segments");
		List<MovementView> account = new ArrayList<>();
		long[] written = { 0 };
		jdbc.query("select movement_id, subscription_id, account_id, kind, effective_at, plan, mrr_cents, currency"
				+ " from analytics_revenue_movements order by account_id, effective_at, movement_id", rs -> {
					MovementView m = new MovementView(rs.getLong(1), rs.getLong(2), rs.getLong(3),
							MovementKind.valueOf(rs.getString(4)),
							rs.getObject(5, java.time.OffsetDateTime.class).toInstant(), rs.getString(6), rs.getLong(7),
							0, rs.getString(8).strip(), 0, null, null, null);
					if (!account.isEmpty() && account.get(0).accountId() != m.accountId()) {
						written[0] += flush(account, zone);
					}
					account.add(m);
				});
		written[0] += flush(account, zone);
		return written[0];
	}

	private int flush(List<MovementView> account, ZoneId zone) {
		List<Segment> segments = MrrSegments.of(account, zone);
		insertSegments(segments);
		account.clear();
		return segments.size();
	}

	/** Takes the account's row lock (creating the row first if needed), so two refreshes of it run in turn. */
	boolean lock(long accountId, Timestamp now) {
		return jdbc.update("update analytics_revenue_accounts set refreshed_at = ? where account_id = ?", now,
				accountId) > 0;
	}

	void addLockRow(long accountId, Timestamp now) {
		jdbc.update("insert into analytics_revenue_accounts (account_id, refreshed_at) values (?, ?)", accountId, now);
	}

	long movementCount() {
		return jdbc.queryForObject("select count(*) from analytics_revenue_movements", Long.class);
	}
}
