package io.rapport.activity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.rapport.activity.UsageEvent;
import io.rapport.activity.UsageRollup;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads usage events in bulk (history from another tool, the demo's simulated year): the same raw table and the
 * same rollups as the Segment ingest, written in one pass per chunk: raw rows by COPY (PostgreSQL) or a JDBC
 * batch, rollups summed in memory and upserted once per (account, day, event, person). Events with a messageId
 * claim it like the ingest does, so a retried load stores nothing twice; each chunk is its own transaction.
 * History that exists only as daily sums (another tool's export, a simulated population for a test or benchmark)
 * loads by {@link #loadRollups}: straight into the rollups, with no raw events behind them.
 */
@Service
public class BulkLoad {

	static final int CHUNK = 20_000;

	private final MessageIds messageIds;

	private final RawEvents raw;

	private final Rollups rollups;

	private final EventKinds kinds;

	private final ActivityPartitions partitions;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	BulkLoad(MessageIds messageIds, RawEvents raw, Rollups rollups, EventKinds kinds, ActivityPartitions partitions,
			TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.messageIds = messageIds;
		this.raw = raw;
		this.rollups = rollups;
		this.kinds = kinds;
		this.partitions = partitions;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/** Stores the events not stored before; answers how many were stored. */
	public int load(List<UsageEvent> events) {
		Instant receivedAt = clock.instant();
		partitions.ensure(receivedAt);
		int stored = 0;
		for (int from = 0; from < events.size(); from += CHUNK) {
			List<UsageEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
			stored += transactions.execute(status -> store(chunk, receivedAt));
		}
		kinds.remember(events.stream().map(UsageEvent::event).collect(Collectors.toSet()));
		return stored;
	}

	/**
	 * Adds daily sums to the rollups, in chunks of {@link #CHUNK} rows each its own transaction (a multi-row upsert on
	 * PostgreSQL, a JDBC batch elsewhere), and answers how many rollup rows were added to. Not idempotent: each load
	 * adds its counts, as a second import of the same history would.
	 */
	public int loadRollups(List<UsageRollup> rollupRows) {
		for (int from = 0; from < rollupRows.size(); from += CHUNK) {
			List<UsageRollup> chunk = rollupRows.subList(from, Math.min(rollupRows.size(), from + CHUNK));
			transactions.executeWithoutResult(status -> {
				var sums = new Rollups.Sums();
				for (UsageRollup r : chunk) {
					sums.add(new Rollups.Key(r.accountId(), r.day(), r.event(), userKey(r.contactId(), r.userId())),
							r.count(), r.durationSeconds());
				}
				rollups.add(sums);
			});
		}
		kinds.remember(rollupRows.stream().map(UsageRollup::event).collect(Collectors.toSet()));
		return rollupRows.size();
	}

	/** The rollups' person key: the contact when known, else the tracked user id, else none (an account's fact). */
	static String userKey(Long contactId, String userId) {
		return contactId != null ? "c:" + contactId : userId != null ? "u:" + userId : "";
	}

	private int store(List<UsageEvent> events, Instant receivedAt) {
		Set<String> ids = new HashSet<>();
		for (UsageEvent e : events) {
			if (e.messageId() != null) {
				ids.add(e.messageId());
			}
		}
		Set<String> fresh = new HashSet<>(messageIds.claim(ids, receivedAt));
		List<RawRow> rows = new ArrayList<>(events.size());
		var sums = new Rollups.Sums();
		int n = 0;
		for (UsageEvent e : events) {
			if (e.messageId() != null && !fresh.remove(e.messageId())) {
				continue;
			}
			String messageId = e.messageId() != null ? e.messageId()
					: "load:" + receivedAt.toEpochMilli() + ":" + e.accountId() + ":" + n;
			n++;
			rows.add(new RawRow(receivedAt, e.occurredAt(), "track", e.event(), e.userId(), null, e.accountId(),
					e.contactId(), messageId, null, payload(e)));
			sums.add(new Rollups.Key(e.accountId(), e.occurredAt().atZone(ZoneOffset.UTC).toLocalDate(), e.event(),
					userKey(e.contactId(), e.userId())), e.durationSeconds());
		}
		raw.append(rows);
		rollups.add(sums);
		return rows.size();
	}

	private String payload(UsageEvent e) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (e.properties() != null) {
			properties.putAll(e.properties());
		}
		if (e.durationSeconds() > 0) {
			properties.put("durationSeconds", e.durationSeconds());
		}
		return properties.isEmpty() ? null : json.writeValueAsString(Map.of("properties", properties));
	}
}
