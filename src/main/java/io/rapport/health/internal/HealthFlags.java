package io.rapport.health.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rapport.health.HealthFlagCleared;
import io.rapport.health.HealthFlagRaised;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The occurrences of flags: a flag computed up that was not open is raised (a row and {@link HealthFlagRaised}),
 * one open but no longer computed is cleared ({@link HealthFlagCleared}); one that stays up keeps its day and only
 * refreshes its evidence. So each occurrence publishes once, however often the day is recomputed.
 */
@Component
class HealthFlags {

	/** An occurrence of a flag; {@code clearedOn} null while it is up. */
	record Occurrence(long id, long accountId, String key, LocalDate raisedOn, Instant raisedAt, String evidenceKey,
			List<String> args, LocalDate clearedOn) {
	}

	/** What a sync did, for the recompute's counts. */
	record Changes(int raised, int cleared) {
	}

	private static final String SEPARATOR = "\u001f";

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	HealthFlags(JdbcTemplate jdbc, ApplicationEventPublisher events, MessageSource messages) {
		this.jdbc = jdbc;
		this.events = events;
		this.messages = messages;
	}

	/**
	 * Brings the open flags of an account in line with those computed for {@code day}; {@code tell}: publish the
	 * raisings and clearings (not for a backfill of past days).
	 */
	Changes sync(long accountId, LocalDate day, List<FlagRules.Flag> computed, List<Occurrence> open, Instant at,
			boolean tell) {
		Map<String, Occurrence> up = new HashMap<>();
		open.forEach(o -> up.put(o.key(), o));
		int raised = 0;
		int cleared = 0;
		for (FlagRules.Flag flag : computed) {
			Occurrence existing = up.remove(flag.key());
			String args = String.join(SEPARATOR, flag.args());
			if (existing == null) {
				jdbc.update("insert into health_flags (account_id, flag_key, raised_on, raised_at, evidence_key, "
						+ "evidence_args) values (?, ?, ?, ?, ?, ?)", accountId, flag.key(), Date.valueOf(day),
						Timestamp.from(at), flag.evidenceKey(), args);
				if (tell) {
					events.publishEvent(new HealthFlagRaised(accountId, flag.key(),
							evidence(flag.evidenceKey(), flag.args(), Locale.ENGLISH), at));
				}
				raised++;
			}
			else if (!flag.evidenceKey().equals(existing.evidenceKey()) || !flag.args().equals(existing.args())) {
				// only when the evidence changed: an update per open flag and account made a recompute of 1,000
				// accounts take 7-17 s on PostgreSQL (bench/metrics.sh)
				jdbc.update("update health_flags set evidence_key = ?, evidence_args = ? where id = ?",
						flag.evidenceKey(), args, existing.id());
			}
		}
		for (Occurrence gone : up.values()) {
			jdbc.update("update health_flags set cleared_on = ?, cleared_at = ? where id = ?", Date.valueOf(day),
					Timestamp.from(at), gone.id());
			if (tell) {
				events.publishEvent(new HealthFlagCleared(accountId, gone.key(), at));
			}
			cleared++;
		}
		return new Changes(raised, cleared);
	}

	/** The open flags of the accounts in an id range, by account. */
	Map<Long, List<Occurrence>> open(long lo, long hi) {
		Map<Long, List<Occurrence>> open = new HashMap<>();
		jdbc.query(SELECT + " where cleared_on is null and account_id between ? and ?", rs -> {
			Occurrence o = occurrence(rs);
			open.computeIfAbsent(o.accountId(), id -> new ArrayList<>()).add(o);
		}, lo, hi);
		return open;
	}

	/** The open flags of these accounts, by account, in the order of {@link FlagRules#KEYS}. */
	Map<Long, List<Occurrence>> open(Collection<Long> accountIds) {
		Map<Long, List<Occurrence>> open = new HashMap<>();
		if (accountIds.isEmpty()) {
			return open;
		}
		String marks = String.join(", ", java.util.Collections.nCopies(accountIds.size(), "?"));
		jdbc.query(SELECT + " where cleared_on is null and account_id in (" + marks + ")", rs -> {
			Occurrence o = occurrence(rs);
			open.computeIfAbsent(o.accountId(), id -> new ArrayList<>()).add(o);
		}, accountIds.toArray());
		open.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(o -> FlagRules.KEYS.indexOf(o.key()))));
		return open;
	}

	/** Accounts with at least one open flag. */
	List<Long> flaggedAccounts() {
		return jdbc.queryForList("select distinct account_id from health_flags where cleared_on is null", Long.class);
	}

	/** The account's occurrences, newest first (open and cleared), at most {@code limit}. */
	List<Occurrence> of(long accountId, int limit) {
		return jdbc.query(SELECT + " where account_id = ? order by raised_on desc, id desc fetch first " + limit
				+ " rows only", (rs, n) -> occurrence(rs), accountId);
	}

	String evidence(Occurrence o, Locale locale) {
		return evidence(o.evidenceKey(), o.args(), locale);
	}

	String evidence(String key, List<String> args, Locale locale) {
		return messages.getMessage(key, args.toArray(), key, locale);
	}

	String label(String flagKey, Locale locale) {
		return messages.getMessage("health.flag." + flagKey, null, flagKey, locale);
	}

	private static final String SELECT = "select id, account_id, flag_key, raised_on, raised_at, evidence_key, "
			+ "evidence_args, cleared_on from health_flags";

	private static Occurrence occurrence(java.sql.ResultSet rs) throws java.sql.SQLException {
		String args = rs.getString(7);
		Date cleared = rs.getDate(8);
		return new Occurrence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
				rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6),
				args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR, -1)),
				cleared == null ? null : cleared.toLocalDate());
	}
}
