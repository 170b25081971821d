package io.rapport.analytics.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.accounts.MovementKind;
import io.rapport.accounts.MovementView;

/**
 * Turns a ledger of dated movements into month-end MRR: a month counts what a subscription was worth at the end of
 * it (in the company's time zone), so a change on the 31st at 23:30 belongs to the month whose end it precedes.
 * The result is stretches of months with the same plan and amount; months without MRR have none.
 */
final class MrrSegments {

	private MrrSegments() {
	}

	/** A stretch of months: {@code from} included, {@code until} excluded (null while it lasts). */
	record Segment(long subscriptionId, long accountId, String plan, String currency, LocalDate from, LocalDate until,
			long mrrCents) {
	}

	/** The segments of every subscription among the movements (of one account or many). */
	static List<Segment> of(List<MovementView> movements, ZoneId zone) {
		Map<Long, List<MovementView>> bySubscription = new LinkedHashMap<>();
		movements.stream()
			.sorted(Comparator.comparing(MovementView::effectiveAt).thenComparing(MovementView::id))
			.forEach(m -> bySubscription.computeIfAbsent(m.subscriptionId(), k -> new ArrayList<>()).add(m));
		List<Segment> segments = new ArrayList<>();
		bySubscription.values().forEach(ledger -> segments.addAll(ofSubscription(ledger, zone)));
		return segments;
	}

	/** One subscription's ledger, in the order its movements took effect. */
	private static List<Segment> ofSubscription(List<MovementView> ledger, ZoneId zone) {
		Map<YearMonth, MovementView> lastOfMonth = new LinkedHashMap<>();
		for (MovementView m : ledger) {
			lastOfMonth.put(YearMonth.from(m.effectiveAt().atZone(zone)), m);
		}
		List<Segment> segments = new ArrayList<>();
		Segment open = null;
		for (Map.Entry<YearMonth, MovementView> e : lastOfMonth.entrySet()) {
			MovementView m = e.getValue();
			long mrr = m.kind() == MovementKind.CANCELLATION ? 0 : m.mrrCents();
			LocalDate month = e.getKey().atDay(1);
			if (open != null && open.mrrCents() == mrr && open.plan().equals(m.plan())
					&& open.currency().equals(m.currency())) {
				continue;
			}
			if (open != null) {
				segments.add(close(open, month));
				open = null;
			}
			if (mrr > 0) {
				open = new Segment(m.subscriptionId(), m.accountId(), m.plan(), m.currency(), month, null, mrr);
			}
		}
		if (open != null) {
			segments.add(open);
		}
		return segments;
	}

	private static Segment close(Segment s, LocalDate until) {
		return new Segment(s.subscriptionId(), s.accountId(), s.plan(), s.currency(), s.from(), until, s.mrrCents());
	}
}
