package io.rapport.customer360.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.rapport.shared.timeline.TimelineEntry;
import io.rapport.shared.timeline.TimelineSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Merging sources newest first, page by page, with a filter, never losing or repeating an entry. */
class TimelineMergeTests {

	static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	/** A source over a fixed list of entries, answering as the contract says: before the cursor, newest first. */
	record ListSource(List<TimelineEntry> all, AtomicInteger calls) implements TimelineSource {

		ListSource(List<TimelineEntry> all) {
			this(all.stream().sorted(Comparator.comparing(TimelineEntry::at).reversed()).toList(), new AtomicInteger());
		}

		@Override
		public List<TimelineEntry> entries(long accountId, Instant before, int limit, Locale locale) {
			calls.incrementAndGet();
			return all.stream().filter(e -> e.at().isBefore(before)).limit(limit).toList();
		}
	}

	static TimelineEntry entry(String kind, int minutesAgo) {
		return new TimelineEntry(NOW.minusSeconds(60L * minutesAgo), kind, kind + " " + minutesAgo, null, null, null);
	}

	static List<TimelineEntry> every(String kind, int from, int step, int count) {
		List<TimelineEntry> list = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			list.add(entry(kind, from + i * step));
		}
		return list;
	}

	/** Reads every page and answers the entries in the order they were shown. */
	static List<TimelineEntry> readAll(TimelineMerge merge, TimelineKinds.Kind kind, int limit) {
		List<TimelineEntry> shown = new ArrayList<>();
		Instant before = NOW;
		for (int page = 0; page < 100 && before != null; page++) {
			TimelineMerge.Page p = merge.page(1, before, kind, limit, Locale.ENGLISH);
			shown.addAll(p.entries());
			before = p.next();
		}
		return shown;
	}

	@Test
	void shouldInterleaveSourcesNewestFirstAcrossPagesWithoutLosingOrRepeatingAnEntry() {
		List<TimelineEntry> tickets = every("ticket.created", 1, 3, 40);
		List<TimelineEntry> stages = every("stage.changed", 2, 7, 15);
		List<TimelineEntry> usage = every("usage.new-person", 500, 1, 3);
		TimelineMerge merge = new TimelineMerge(
				List.of(new ListSource(tickets), new ListSource(stages), new ListSource(usage)));

		TimelineMerge.Page first = merge.page(1, NOW, null, 10, Locale.ENGLISH);
		assertThat(first.entries()).hasSize(10);
		assertThat(first.entries()).isSortedAccordingTo(Comparator.comparing(TimelineEntry::at).reversed());
		assertThat(first.entries().get(0).text()).isEqualTo("ticket.created 1");
		assertThat(first.next()).isEqualTo(first.entries().get(9).at());

		List<TimelineEntry> shown = readAll(merge, null, 10);
		assertThat(shown).hasSize(58).doesNotHaveDuplicates()
			.isSortedAccordingTo(Comparator.comparing(TimelineEntry::at).reversed());
	}

	@Test
	void shouldEndWithNoCursorWhenEverySourceIsExhausted() {
		TimelineMerge merge = new TimelineMerge(List.of(new ListSource(every("ticket.created", 1, 1, 3))));
		TimelineMerge.Page page = merge.page(1, NOW, null, 25, Locale.ENGLISH);
		assertThat(page.entries()).hasSize(3);
		assertThat(page.next()).isNull();
		assertThat(merge.page(1, NOW.minusSeconds(86_400), null, 25, Locale.ENGLISH).entries()).isEmpty();
	}

	@Test
	void shouldNeverSplitEntriesOfTheSameInstantAcrossPages() {
		// five entries of two sources at one instant straddle the boundary of a page of four
		List<TimelineEntry> tickets = new ArrayList<>(every("ticket.created", 1, 1, 2));
		tickets.addAll(every("ticket.created", 20, 1, 3));
		List<TimelineEntry> stages = new ArrayList<>();
		List<TimelineEntry> csat = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			(i < 3 ? stages : csat)
				.add(new TimelineEntry(NOW.minusSeconds(600), i < 3 ? "stage.changed" : "csat.rated", "tie " + i,
						null, null, null));
		}
		TimelineMerge merge = new TimelineMerge(
				List.of(new ListSource(tickets), new ListSource(stages), new ListSource(csat)));
		TimelineMerge.Page first = merge.page(1, NOW, null, 4, Locale.ENGLISH);
		assertThat(first.entries()).extracting(TimelineEntry::text).containsExactly("ticket.created 1",
				"ticket.created 2");
		TimelineMerge.Page second = merge.page(1, first.next(), null, 4, Locale.ENGLISH);
		assertThat(second.entries()).hasSize(5).allMatch(e -> e.text().startsWith("tie"));
		assertThat(readAll(merge, null, 4)).hasSize(10).doesNotHaveDuplicates();
	}

	@Test
	void shouldFilterByKindAndAskASourceAgainBelowAPageWithoutThatKind() {
		List<TimelineEntry> mixed = new ArrayList<>(every("ticket.created", 1, 1, 30));
		mixed.addAll(every("csat.rated", 100, 10, 6));
		mixed.addAll(every("nps.answered", 105, 10, 2));
		ListSource source = new ListSource(mixed);
		TimelineMerge merge = new TimelineMerge(List.of(source, new ListSource(every("stage.changed", 3, 5, 9))));

		TimelineMerge.Page surveys = merge.page(1, NOW, TimelineKinds.Kind.SURVEYS, 5, Locale.ENGLISH);
		assertThat(surveys.entries()).extracting(TimelineEntry::kind).containsOnly("csat.rated", "nps.answered");
		assertThat(surveys.entries()).extracting(TimelineEntry::text)
			.containsExactly("csat.rated 100", "nps.answered 105", "csat.rated 110", "nps.answered 115", "csat.rated 120");
		assertThat(readAll(merge, TimelineKinds.Kind.SURVEYS, 5)).hasSize(8).doesNotHaveDuplicates();
		assertThat(readAll(merge, TimelineKinds.Kind.SUCCESS, 5)).extracting(TimelineEntry::kind)
			.hasSize(9).containsOnly("stage.changed");
	}

	@Test
	void shouldGroupKindsByTheirFirstWord() {
		assertThat(TimelineKinds.Kind.of("subscription.expansion")).isEqualTo("success");
		assertThat(TimelineKinds.Kind.of("task.completed")).isEqualTo("tasks");
		assertThat(TimelineKinds.Kind.of("nps.answered")).isEqualTo("surveys");
		assertThat(TimelineKinds.Kind.of("chat.started")).isEqualTo("other");
		assertThat(TimelineKinds.parse("usage")).contains(TimelineKinds.Kind.USAGE);
		assertThat(TimelineKinds.parse("nonsense")).isEmpty();
	}
}
