package io.rapport.health.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.rapport.accounts.AccountsApi;
import io.rapport.health.HealthScored;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the snapshot of a day for every account (nightly, on demand) or for one: accounts are walked in id
 * ranges of {@link #RANGE}, each range read in bulk and written in its own transaction, so a run over a hundred
 * thousand accounts holds one range in memory and a failure loses one range's work. Publishes
 * {@link HealthScored} when the score or band differs from the account's previous snapshot (the day's own, when it
 * is recomputed, else the nearest earlier), and brings the flags
 * in line, but only for an account's newest day: recomputing an older day leaves today's flags alone. Events go out
 * only for today and yesterday: a backfill of history (the demo's year, a rebuild) writes snapshots and flag rows
 * and tells no one, so playbooks react to what happens now, not to a replay of the past.
 */
@Service
public class HealthScoring {

	static final int RANGE = 1000;

	/** What a run did. */
	public record Result(LocalDate day, int accounts, int scored, int changed, int flagsRaised, int flagsCleared) {
	}

	private final AccountsApi accounts;

	private final Scorecard scorecard;

	private final InputLoader loader;

	private final Snapshots snapshots;

	private final HealthFlags flags;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	HealthScoring(AccountsApi accounts, Scorecard scorecard, InputLoader loader, Snapshots snapshots,
			HealthFlags flags, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.accounts = accounts;
		this.scorecard = scorecard;
		this.loader = loader;
		this.snapshots = snapshots;
		this.flags = flags;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Every account's snapshot of {@code day}. */
	public Result recompute(LocalDate day) {
		return recompute(List.of(day)).get(0);
	}

	/** Every account's snapshots of these days, oldest first, reading survey answers once. */
	public List<Result> recompute(List<LocalDate> days) {
		List<Measure> measures = scorecard.measures();
		HealthSettings settings = scorecard.settings();
		InputLoader.Answers answers = loader.answers();
		List<LocalDate> ordered = days.stream().sorted().toList();
		int[][] totals = new int[ordered.size()][5];
		long after = 0;
		while (true) {
			List<Long> ids = accounts.accountIds(after, RANGE);
			if (ids.isEmpty()) {
				break;
			}
			for (int i = 0; i < ordered.size(); i++) {
				int[] counts = range(ids, ordered.get(i), measures, settings, answers);
				for (int c = 0; c < counts.length; c++) {
					totals[i][c] += counts[c];
				}
			}
			after = ids.get(ids.size() - 1);
		}
		return java.util.stream.IntStream.range(0, ordered.size()).mapToObj(i -> new Result(ordered.get(i),
				totals[i][0], totals[i][1], totals[i][2], totals[i][3], totals[i][4])).toList();
	}

	/** One account's snapshot of {@code day}. */
	public Result recompute(long accountId, LocalDate day) {
		int[] c = range(List.of(accountId), day, scorecard.measures(), scorecard.settings(), loader.answers());
		return new Result(day, c[0], c[1], c[2], c[3], c[4]);
	}

	private int[] range(List<Long> ids, LocalDate day, List<Measure> measures, HealthSettings settings,
			InputLoader.Answers answers) {
		return transactions.execute(status -> {
			Instant now = clock.instant();
			Instant at = InputLoader.momentOf(day, now);
			boolean live = !day.isBefore(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusDays(1));
			long lo = ids.get(0);
			long hi = ids.get(ids.size() - 1);
			Map<Long, AccountInputs> inputs = loader.load(ids, day, at, measures, answers);
			Map<Long, Snapshots.Snapshot> previous = snapshots.nearest(lo, hi, day, false);
			Map<Long, Snapshots.Snapshot> monthAgo = snapshots.nearest(lo, hi, day.minusDays(InputLoader.FLAG_WINDOW),
					false);
			Map<Long, LocalDate> newest = snapshots.newestDays(lo, hi);
			Map<Long, List<HealthFlags.Occurrence>> open = flags.open(lo, hi);
			Map<Long, Scoring.Score> scores = new HashMap<>();
			int[] counts = new int[5];
			for (long id : ids) {
				Scoring.Score score = Scoring.score(measures, inputs.get(id), settings);
				scores.put(id, score);
				counts[0]++;
				counts[1] += score.score() == null ? 0 : 1;
				Snapshots.Snapshot before = previous.get(id);
				if (live && (before == null ? score.score() != null
						: !Objects.equals(before.score(), score.score()) || !Objects.equals(before.band(), score.band()))) {
					events.publishEvent(new HealthScored(id, day, score.score(), score.band(),
							before == null ? null : before.score(), before == null ? null : before.band(), now));
					counts[2]++;
				}
				LocalDate latest = newest.get(id);
				if (latest == null || !day.isBefore(latest)) {
					Snapshots.Snapshot old = monthAgo.get(id);
					List<FlagRules.Flag> up = FlagRules.flags(inputs.get(id), score.score(), score.band(),
							old == null ? null : old.score(), at, settings);
					HealthFlags.Changes changes = flags.sync(id, day, up, open.getOrDefault(id, List.of()), at,
							live);
					counts[3] += changes.raised();
					counts[4] += changes.cleared();
				}
			}
			boolean replacing = newest.values().stream().anyMatch(latest -> !latest.isBefore(day));
			snapshots.write(day, now, scores, lo, hi, replacing);
			return counts;
		});
	}
}
