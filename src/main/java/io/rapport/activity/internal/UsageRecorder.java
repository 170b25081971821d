package io.rapport.activity.internal;

import java.util.List;

import io.rapport.activity.UsageEvent;

import org.springframework.stereotype.Component;

/**
 * Usage recorded in process (the demo's history, benchmarks) through the same path as Rapport's own facts: raw
 * rows, daily rollups with the engagement time, messageIds claimed so that recording again counts nothing twice.
 * Written in slices of a thousand, each its own transaction.
 */
@Component
public class UsageRecorder {

	static final int SLICE = 1000;

	private final Ingest ingest;

	UsageRecorder(Ingest ingest) {
		this.ingest = ingest;
	}

	public void record(List<UsageEvent> events) {
		for (int from = 0; from < events.size(); from += SLICE) {
			ingest.facts(events.subList(from, Math.min(events.size(), from + SLICE)).stream()
				.map(e -> new Ingest.Fact(e.messageId(), e.event(), e.contactId(), e.accountId(), e.at(), null,
						e.durationSeconds()))
				.toList());
		}
	}
}
