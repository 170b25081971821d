package io.rapport.customer360.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.rapport.shared.timeline.TimelineEntry;
import io.rapport.shared.timeline.TimelineSource;

import org.springframework.stereotype.Component;

/**
 * Merges every module's timeline source into one page, newest first. Each source is asked for one entry more than a
 * page before the cursor; the page keeps only what no source could still be hiding: entries newer than the oldest
 * entry of any source that answered all it was asked (such a source may have more just below it). A kind
 * filter is applied to what sources answer, so a source whose page held nothing of that kind is asked again below
 * its page, a few times at most. The next cursor is the time of the last entry shown, and entries sharing that time
 * are never split across pages.
 */
@Component
class TimelineMerge {

	/** How many times a source is asked again for a filtered page before the page is shown shorter. */
	static final int ROUNDS = 8;

	/** A filtered page asks each source for this many times the page at once: most of what it reads is left out. */
	static final int FILTERED_READ = 4;

	private final List<TimelineSource> sources;

	TimelineMerge(List<TimelineSource> sources) {
		this.sources = sources;
	}

	/** A page of the timeline; {@code next} is the cursor of the following page, null at the account's beginning. */
	record Page(List<TimelineEntry> entries, Instant next) {
	}

	Page page(long accountId, Instant before, TimelineKinds.Kind kind, int limit, Locale locale) {
		Predicate<TimelineEntry> wanted = kind == null ? e -> true : e -> kind.matches(e.kind());
		// one more than a page: a source that has it may hide entries only below that one, not among the page
		int read = (kind == null ? limit : limit * FILTERED_READ) + 1;
		List<TimelineEntry> all = new ArrayList<>();
		Instant horizon = null;
		for (TimelineSource source : sources) {
			Instant cursor = before;
			int found = 0;
			for (int round = 0; round < ROUNDS; round++) {
				List<TimelineEntry> got = source.entries(accountId, cursor, read, locale);
				for (TimelineEntry e : got) {
					if (wanted.test(e)) {
						all.add(e);
						found++;
					}
				}
				if (got.size() < read) {
					cursor = null;
					break;
				}
				cursor = got.get(got.size() - 1).at();
				if (found >= limit) {
					break;
				}
			}
			if (cursor != null && (horizon == null || cursor.isAfter(horizon))) {
				horizon = cursor;
			}
		}
		all.sort(Comparator.comparing(TimelineEntry::at).reversed());
		Instant safe = horizon;
		List<TimelineEntry> sure = safe == null ? all : all.stream().filter(e -> e.at().isAfter(safe)).toList();
		if (sure.isEmpty() && safe != null) {
			// every entry left sits at the horizon: show them rather than nothing (only ties longer than a page)
			sure = all.stream().filter(e -> !e.at().isBefore(safe)).toList();
		}
		List<TimelineEntry> page = new ArrayList<>(sure.subList(0, Math.min(limit, sure.size())));
		boolean more = sure.size() > page.size() || safe != null;
		if (sure.size() > page.size()) {
			Instant boundary = page.get(page.size() - 1).at();
			if (sure.get(page.size()).at().equals(boundary)) {
				List<TimelineEntry> trimmed = page.stream().filter(e -> !e.at().equals(boundary)).toList();
				// a page of nothing but one instant grows to hold all of that instant instead
				page = new ArrayList<>(trimmed.isEmpty()
						? sure.stream().filter(e -> e.at().equals(boundary)).toList() : trimmed);
			}
		}
		Instant next = !more ? null : page.isEmpty() ? safe : page.get(page.size() - 1).at();
		return new Page(List.copyOf(page), next);
	}
}
