package io.rapport.health.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.UsageTotals;
import io.rapport.surveys.CsatAnswers;
import io.rapport.surveys.NpsAnswers;
import io.rapport.tickets.TicketFacts;

import org.springframework.stereotype.Component;

/**
 * Gathers the scorecard's inputs for a range of accounts in a few bulk reads through the facades: per window
 * length two grouped reads of the rollups, one of seats, one of support facts. Survey answers are read once per
 * run ({@link Answers}) and shared by every range and day of it.
 */
@Component
class InputLoader {

	/** The window the flags read, whatever the measures' windows are. */
	static final int FLAG_WINDOW = 30;

	private final ActivityApi activity;

	private final SubscriptionsApi subscriptions;

	private final TicketFacts tickets;

	private final CsatAnswers csat;

	private final NpsAnswers nps;

	InputLoader(ActivityApi activity, SubscriptionsApi subscriptions, TicketFacts tickets, CsatAnswers csat,
			NpsAnswers nps) {
		this.activity = activity;
		this.subscriptions = subscriptions;
		this.tickets = tickets;
		this.csat = csat;
		this.nps = nps;
	}

	/** What a run reads once: survey answers per account and the event names admins marked. */
	record Answers(Map<Long, List<AccountInputs.Csat>> csat, Map<Long, List<AccountInputs.Nps>> nps,
			Set<String> valueEvents, Set<String> coreFeatures) {
	}

	Answers answers() {
		Map<Long, List<AccountInputs.Csat>> ratings = new HashMap<>();
		csat.forEach(answer -> {
			if (answer.accountId() != null) {
				ratings.computeIfAbsent(answer.accountId(), id -> new ArrayList<>())
					.add(new AccountInputs.Csat(answer.at(), answer.rating()));
			}
		});
		Map<Long, List<AccountInputs.Nps>> scores = new HashMap<>();
		nps.forEach(answer -> {
			if (answer.accountId() != null) {
				scores.computeIfAbsent(answer.accountId(), id -> new ArrayList<>())
					.add(new AccountInputs.Nps(answer.contactId(), answer.at(), answer.score()));
			}
		});
		return new Answers(ratings, scores, Set.copyOf(activity.valueEvents()), Set.copyOf(activity.coreFeatures()));
	}

	/** The inputs of the given accounts (ids in rising order) for a day, at {@code at} (the end of that day, or now). */
	Map<Long, AccountInputs> load(List<Long> ids, LocalDate day, Instant at, List<Measure> measures, Answers answers) {
		long lo = ids.get(0);
		long hi = ids.get(ids.size() - 1);
		// Usage is read only over the windows of measures that read it: the default NPS measure's 365 days would
		// otherwise cost two scans of two years of rollups per range and day, for a measure that reads none of them.
		Set<Integer> windows = new TreeSet<>();
		windows.add(FLAG_WINDOW);
		measures.stream().filter(m -> m.source().readsUsage()).forEach(m -> windows.add(m.windowDays()));
		Map<Integer, Map<Long, UsageTotals>> current = new HashMap<>();
		Map<Integer, Map<Long, UsageTotals>> previous = new HashMap<>();
		for (int w : windows) {
			current.put(w, activity.totals(ids, day.minusDays(w - 1L), day));
			previous.put(w, activity.totals(ids, day.minusDays(2L * w - 1), day.minusDays(w)));
		}
		Map<Long, List<SubscriptionView>> subs = subscriptions.ofAccounts(ids);
		Map<Long, TicketFacts.AccountSupport> support = tickets.support(lo, hi, at);
		Map<Long, AccountInputs> inputs = new HashMap<>();
		for (long id : ids) {
			Map<Integer, UsageTotals> now = new HashMap<>();
			Map<Integer, UsageTotals> before = new HashMap<>();
			for (int w : windows) {
				putIfPresent(now, w, current.get(w).get(id));
				putIfPresent(before, w, previous.get(w).get(id));
			}
			List<SubscriptionView> live = subs.getOrDefault(id, List.of()).stream()
				.filter(s -> !s.startedAt().isAfter(at) && (s.cancelledAt() == null || s.cancelledAt().isAfter(at)))
				.toList();
			int seats = live.stream().mapToInt(SubscriptionView::seats).sum();
			Instant renewsAt = live.stream().map(SubscriptionView::renewsAt)
				.filter(r -> r != null && !r.isBefore(at)).min(Instant::compareTo).orElse(null);
			TicketFacts.AccountSupport facts = support.get(id);
			inputs.put(id, new AccountInputs(id, day, now, before, seats, renewsAt,
					facts == null ? 0 : facts.unsolvedAfter7Days(), facts == null ? 0 : facts.escalatedIn30Days(),
					answers.csat().getOrDefault(id, List.of()), answers.nps().getOrDefault(id, List.of()),
					answers.valueEvents(), answers.coreFeatures()));
		}
		return inputs;
	}

	/** The moment a day's facts are read at: the end of the day, or now while the day is not over. */
	static Instant momentOf(LocalDate day, Instant now) {
		Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		return end.isAfter(now) ? now : end;
	}

	private static void putIfPresent(Map<Integer, UsageTotals> map, int window, UsageTotals totals) {
		if (totals != null) {
			map.put(window, totals);
		}
	}
}
