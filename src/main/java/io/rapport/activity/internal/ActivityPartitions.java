package io.rapport.activity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.rapport.shared.Database;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps raw events within their retention. On PostgreSQL {@code activity_events} is partitioned by the month it was
 * received: the nightly job (under a lock, one node) creates the next months ahead and drops months older than
 * {@code rapport.activity.retention-months} whole; ingestion also makes sure its month exists, so a fresh
 * installation or a job that did not run never refuses events. On H2 old rows are deleted. MessageIds older than
 * the idempotency window are forgotten.
 */
@Component
class ActivityPartitions {

	private static final Logger log = LoggerFactory.getLogger(ActivityPartitions.class);

	static final int MONTHS_AHEAD = 2;

	private final JdbcTemplate jdbc;

	private final Database database;

	private final TransactionTemplate transactions;

	private final MessageIds messageIds;

	private final Clock clock;

	private final int retentionMonths;

	private final int dedupDays;

	private final Set<YearMonth> ensured = ConcurrentHashMap.newKeySet();

	ActivityPartitions(JdbcTemplate jdbc, Database database, TransactionTemplate transactions, MessageIds messageIds,
			Clock clock, @Value("${rapport.activity.retention-months:13}") int retentionMonths,
			@Value("${rapport.activity.dedup-days:8}") int dedupDays) {
		if (retentionMonths < 1) {
			throw new IllegalArgumentException("rapport.activity.retention-months must be at least 1");
		}
		if (dedupDays < 7) {
			throw new IllegalArgumentException("rapport.activity.dedup-days must be at least 7 (Segment's promise)");
		}
		this.jdbc = jdbc;
		this.database = database;
		this.transactions = transactions;
		this.messageIds = messageIds;
		this.clock = clock;
		this.retentionMonths = retentionMonths;
		this.dedupDays = dedupDays;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		ensure(clock.instant());
	}

	/** Makes sure the partition that holds events received at this instant (and the months ahead) exists. */
	void ensure(Instant receivedAt) {
		YearMonth month = YearMonth.from(receivedAt.atZone(ZoneOffset.UTC));
		if (!database.postgres() || ensured.contains(month)) {
			return;
		}
		synchronized (ensured) {
			for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
				create(month.plusMonths(ahead));
			}
		}
	}

	private void create(YearMonth month) {
		if (ensured.contains(month)) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			// one creator at a time across nodes: CREATE ... IF NOT EXISTS still races on the catalog
			jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, 0x5261707041637469L);
			jdbc.execute("create table if not exists " + partition(month) + " partition of activity_events "
					+ "for values from ('" + month.atDay(1) + "') to ('" + month.plusMonths(1).atDay(1) + "')");
		});
		ensured.add(month);
	}

	/** The nightly run: months ahead, retention, forgotten messageIds. */
	@Scheduled(cron = "${rapport.activity.maintenance-cron:0 20 3 * * *}", zone = "UTC")
	@SchedulerLock(name = "activity-partitions")
	public void maintain() {
		Instant now = clock.instant();
		ensured.clear();
		ensure(now);
		YearMonth oldestKept = YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(retentionMonths - 1L);
		if (database.postgres()) {
			dropBefore(oldestKept);
		}
		else {
			int deleted = jdbc.update("delete from activity_events where received_at < ?",
					Timestamp.from(oldestKept.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
			log.debug("Deleted {} raw events older than {}", deleted, oldestKept);
		}
		messageIds.forgetBefore(now.minus(Duration.ofDays(dedupDays)));
	}

	private void dropBefore(YearMonth oldestKept) {
		for (String name : partitions()) {
			YearMonth month = monthOf(name);
			if (month != null && month.isBefore(oldestKept)) {
				jdbc.execute("drop table if exists " + name);
				log.info("Dropped raw usage events of {} (retention {} months)", month, retentionMonths);
			}
		}
	}

	/** The partitions of {@code activity_events} in the current schema. */
	List<String> partitions() {
		if (!database.postgres()) {
			return List.of();
		}
		return jdbc.queryForList("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
				+ "join pg_class p on p.oid = i.inhparent join pg_namespace n on n.oid = p.relnamespace "
				+ "where p.relname = 'activity_events' and n.nspname = current_schema() order by c.relname",
				String.class);
	}

	static String partition(YearMonth month) {
		return "activity_events_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
	}

	static YearMonth monthOf(String partition) {
		if (!partition.matches("activity_events_\\d{4}_\\d{2}")) {
			return null;
		}
		return YearMonth.of(Integer.parseInt(partition.substring(16, 20)), Integer.parseInt(partition.substring(21)));
	}
}
