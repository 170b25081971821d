package io.rapport.activity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rapport.activity.internal.People.Person;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Stores a batch: checks each message, claims the messageIds, links people, appends raw events and adds to the
 * rollups, all in one transaction. A batch is stored whole or not at all, so a failure (answered 5xx, which
 * Segment libraries retry) leaves nothing behind that would count twice.
 */
@Service
class Ingest {

	/** What became of a batch: events stored, duplicates skipped (already stored), events refused and why. */
	record Outcome(int accepted, int duplicates, List<Refusal> refused) {
	}

	/** One of Rapport's own facts, in the same stream: about a contact, an account, or both. */
	record Fact(String messageId, String event, Long contactId, Long accountId, Instant at, String payload) {
	}

	private final MessageIds messageIds;

	private final People people;

	private final RawEvents raw;

	private final Rollups rollups;

	private final EventKinds kinds;

	private final ActivityPartitions partitions;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Ingest(MessageIds messageIds, People people, RawEvents raw, Rollups rollups, EventKinds kinds,
			ActivityPartitions partitions, TransactionTemplate transactions, Clock clock) {
		this.messageIds = messageIds;
		this.people = people;
		this.raw = raw;
		this.rollups = rollups;
		this.kinds = kinds;
		this.partitions = partitions;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @param impliedType the type a single-message endpoint stands for, null for a batch
	 * @param sizes each message's size in bytes as sent, to refuse those over Segment's 32 KB; null when the whole
	 *        body is smaller
	 */
	Outcome messages(long writeKeyId, List<JsonNode> nodes, String impliedType, Instant sentAt, int[] sizes) {
		Instant receivedAt = clock.instant();
		List<SegmentMessage> messages = new ArrayList<>(nodes.size());
		List<Refusal> refused = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			JsonNode node = nodes.get(i);
			int bytes = sizes == null ? 0 : sizes[i];
			try {
				messages.add(SegmentRules.check(node, i, impliedType, receivedAt, sentAt, bytes));
			}
			catch (SegmentRules.Broken broken) {
				refused.add(new Refusal(i, messageIdOf(node), broken.field, broken.code));
			}
		}
		partitions.ensure(receivedAt);
		List<SegmentMessage> kept = transactions.execute(status -> store(writeKeyId, messages, receivedAt));
		kinds.remember(kept.stream().map(SegmentMessage::event).collect(java.util.stream.Collectors.toSet()));
		return new Outcome(kept.size(), messages.size() - kept.size(), refused);
	}

	/** Rapport's own facts; their messageIds are derived from what they record, so a redelivery is skipped. */
	void facts(List<Fact> facts) {
		Instant receivedAt = clock.instant();
		partitions.ensure(receivedAt);
		transactions.executeWithoutResult(status -> {
			Set<String> fresh = messageIds.claim(facts.stream().map(Fact::messageId).toList(), receivedAt);
			List<RawRow> rows = new ArrayList<>();
			var sums = new Rollups.Sums();
			for (Fact fact : facts) {
				if (fresh.remove(fact.messageId())) {
					rows.add(new RawRow(receivedAt, fact.at(), "track", fact.event(), null, null, fact.accountId(),
							fact.contactId(), fact.messageId(), null, fact.payload()));
					if (fact.accountId() != null) {
						sums.add(new Rollups.Key(fact.accountId(), fact.at().atZone(ZoneOffset.UTC).toLocalDate(),
								fact.event(), fact.contactId() == null ? "" : "c:" + fact.contactId()), 0);
					}
				}
			}
			raw.append(rows);
			rollups.add(sums);
		});
		kinds.remember(facts.stream().map(Fact::event).collect(java.util.stream.Collectors.toSet()));
	}

	private List<SegmentMessage> store(long writeKeyId, List<SegmentMessage> messages, Instant receivedAt) {
		Set<String> fresh = new java.util.HashSet<>(messageIds.claim(
				new LinkedHashSet<>(messages.stream().map(SegmentMessage::messageId).toList()), receivedAt));
		List<SegmentMessage> kept = messages.stream().filter(m -> fresh.remove(m.messageId())).toList();
		for (SegmentMessage m : kept) {
			if (m.type().equals("identify")) {
				people.identify(m.userId(), m.email(), m.name());
			}
			else if (m.type().equals("group")) {
				people.group(m.userId(), m.groupId(), m.name());
			}
		}
		Map<String, Person> persons = people.find(kept.stream().map(SegmentMessage::userId)
			.filter(java.util.Objects::nonNull).distinct().toList());
		Map<String, Long> groups = people.accountsFor(kept.stream().map(SegmentMessage::groupId)
			.filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
		List<RawRow> rows = new ArrayList<>(kept.size());
		var sums = new Rollups.Sums();
		for (SegmentMessage m : kept) {
			Person person = m.userId() == null ? null : persons.get(m.userId());
			Long contactId = person == null ? null : person.contactId();
			Long accountId = m.groupId() != null ? groups.get(m.groupId())
					: person == null ? null : person.accountId();
			rows.add(new RawRow(receivedAt, m.timestamp(), m.type(), m.event(), m.userId(), m.anonymousId(), accountId,
					contactId, m.messageId(), writeKeyId, m.payload()));
			if (m.counted() && accountId != null) {
				sums.add(new Rollups.Key(accountId, m.timestamp().atZone(ZoneOffset.UTC).toLocalDate(), m.event(),
						m.userKey(contactId)), m.durationSeconds());
			}
		}
		raw.append(rows);
		rollups.add(sums);
		return kept;
	}

	private static String messageIdOf(JsonNode node) {
		JsonNode id = node == null || !node.isObject() ? null : node.get("messageId");
		return id != null && id.isString() && id.stringValue().length() <= SegmentRules.MAX_NAME ? id.stringValue()
				: null;
	}
}
