package io.rapport.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A simulated customer base for the demo, the tests and benchmarks: any number of accounts, each with seats,
 * users, a subscription and a year of daily product usage in the standard vocabulary (docs/events.md), with
 * weekly seasonality and noise. About a tenth of the accounts drift, from a day onward, into one of seed 003's
 * four signals (little engagement, many password resets, no knowledge-base use, help that did not help); many of
 * them, and a few healthy accounts, cancel. Deterministic by seed: each account draws from its own random stream,
 * so the same seed gives the same accounts and events whatever is asked first. The ground truth (who drifts,
 * into what, from when, who cancelled and when) is public, so tests can check what the flags and the model find.
 */
public final class UsageSimulator {

	/** Seed 003's emergency signals. */
	public enum Signal {
		LITTLE_ENGAGEMENT, PASSWORD_RESETS, NO_KNOWLEDGE_BASE, UNHELPFUL_HELP
	}

	/** An account's ground truth: size, plan, and whether and from when it drifts, and when it cancelled. */
	public record SimulatedAccount(int index, int seats, int users, long mrrCents, LocalDate startedOn,
			Signal drift, LocalDate driftsFrom, LocalDate cancelledOn) {

		public boolean drifts() {
			return drift != null;
		}

		public boolean cancelled() {
			return cancelledOn != null;
		}
	}

	/** One event of an account's usage; {@code user} is the user's number within the account (0-based). */
	public record SimulatedEvent(int account, int user, Instant at, String event, long durationSeconds,
			String feature, Integer rating) {
	}

	/** An NPS answer: 0-10, by one of the account's users. */
	public record NpsAnswer(int account, int user, LocalDate day, int score) {
	}

	static final String[] FEATURES = { "Dashboards", "Reports", "Automations", "Integrations", "Exports" };

	static final String VALUE_EVENT = "Report Exported";

	private final long seed;

	private final LocalDate firstDay;

	private final LocalDate lastDay;

	private final List<SimulatedAccount> accounts;

	private final double cancelShare;

	private int drifting;

	/**
	 * @param driftShare the share of accounts that drift into a signal (the quality test: 0.10)
	 * @param lastDay the last simulated day (usually yesterday); the year before it is simulated
	 */
	public UsageSimulator(long seed, int accountCount, LocalDate lastDay, int days, double driftShare) {
		this(seed, accountCount, lastDay, days, driftShare, 0.75);
	}

	/** @param cancelShare the share of drifting accounts that cancel (40 to 120 days after the drift began) */
	public UsageSimulator(long seed, int accountCount, LocalDate lastDay, int days, double driftShare,
			double cancelShare) {
		this.seed = seed;
		this.cancelShare = cancelShare;
		this.lastDay = lastDay;
		this.firstDay = lastDay.minusDays(days - 1L);
		List<SimulatedAccount> all = new ArrayList<>(accountCount);
		for (int i = 0; i < accountCount; i++) {
			all.add(account(i, driftShare, days));
		}
		this.accounts = List.copyOf(all);
	}

	public List<SimulatedAccount> accounts() {
		return accounts;
	}

	public LocalDate firstDay() {
		return firstDay;
	}

	public LocalDate lastDay() {
		return lastDay;
	}

	private SimulatedAccount account(int index, double driftShare, int days) {
		Random random = stream(index, 1);
		int users = 3 + random.nextInt(12);
		int seats = users + random.nextInt(7);
		long mrr = 4_900L + 1_000L * seats + 10_000L * random.nextInt(5);
		// An eighth of the accounts start during the year; the others were customers before it began.
		LocalDate started = random.nextInt(8) == 0 ? firstDay.plusDays(random.nextInt(Math.max(1, days / 2)))
				: firstDay.minusDays(30 + random.nextInt(700));
		Signal drift = null;
		LocalDate driftsFrom = null;
		LocalDate cancelled = null;
		LocalDate earliest = started.isAfter(firstDay) ? started : firstDay;
		long room = java.time.temporal.ChronoUnit.DAYS.between(earliest.plusDays(60), lastDay);
		if (random.nextDouble() < driftShare && room > 30) {
			// The signals take turns, so even a small population has drifters into each of them.
			drift = Signal.values()[drifting++ % Signal.values().length];
			driftsFrom = earliest.plusDays(60 + random.nextInt((int) room));
			if (random.nextDouble() < cancelShare) {
				cancelled = driftsFrom.plusDays(60 + random.nextInt(90));
			}
		}
		else if (random.nextDouble() < 0.01 && room > 30) {
			cancelled = earliest.plusDays(60 + random.nextInt((int) room));
		}
		if (cancelled != null && cancelled.isAfter(lastDay)) {
			cancelled = null;
		}
		return new SimulatedAccount(index, seats, users, mrr, started, drift, driftsFrom, cancelled);
	}

	/** The account's usage, day by day, in time order; none before it started or from the day it cancelled. */
	public void events(SimulatedAccount account, Consumer<SimulatedEvent> sink) {
		Random random = stream(account.index(), 2);
		double[] engagement = new double[account.users()];
		for (int u = 0; u < engagement.length; u++) {
			engagement[u] = 0.35 + 0.55 * random.nextDouble();
		}
		double helpful = 0.08 + 0.1 * random.nextDouble();
		for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
			if (day.isBefore(account.startedOn())
					|| (account.cancelledOn() != null && !day.isBefore(account.cancelledOn()))) {
				continue;
			}
			double drift = drift(account, day);
			boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
			double season = weekend ? 0.25 : 1.0;
			Instant morning = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(7 * 3600);
			for (int u = 0; u < account.users(); u++) {
				double active = engagement[u] * season * (0.85 + 0.3 * random.nextDouble());
				if (account.drift() == Signal.LITTLE_ENGAGEMENT) {
					active *= 1 - 0.7 * drift;
				}
				double resets = account.drift() == Signal.PASSWORD_RESETS ? 0.004 + 0.12 * drift : 0.004;
				Instant at = morning.plusSeconds(random.nextInt(10 * 3600));
				if (random.nextDouble() < resets) {
					sink.accept(new SimulatedEvent(account.index(), u, at.minusSeconds(60), "Password Reset Requested",
							0, null, null));
				}
				if (random.nextDouble() >= active) {
					continue;
				}
				sink.accept(new SimulatedEvent(account.index(), u, at, "Signed In", 0, null, null));
				int features = 1 + random.nextInt(3);
				for (int f = 0; f < features; f++) {
					sink.accept(new SimulatedEvent(account.index(), u, at.plusSeconds(60L * (f + 1)), "Feature Used", 0,
							FEATURES[random.nextInt(FEATURES.length)], null));
				}
				double kb = account.drift() == Signal.NO_KNOWLEDGE_BASE ? helpful * (1 - drift) : helpful;
				if (random.nextDouble() < kb) {
					sink.accept(new SimulatedEvent(account.index(), u, at.plusSeconds(300), "Help Article Viewed", 0,
							null, null));
				}
				if (random.nextDouble() < 0.15) {
					sink.accept(new SimulatedEvent(account.index(), u, at.plusSeconds(400), VALUE_EVENT, 0, null, null));
				}
				double minutes = Math.exp(3.0 + 0.6 * random.nextGaussian());
				if (account.drift() == Signal.LITTLE_ENGAGEMENT) {
					minutes *= 1 - 0.6 * drift;
				}
				long seconds = Math.max(30, Math.round(minutes * 60));
				sink.accept(new SimulatedEvent(account.index(), u, at.plusSeconds(seconds), "Session Ended", seconds,
						null, null));
			}
			tickets(account, day, drift, morning, random, sink);
		}
	}

	/** Tickets as Rapport's own facts: opened now and then; drifting into unhelpful help, reopened and badly rated. */
	private void tickets(SimulatedAccount account, LocalDate day, double drift, Instant morning, Random random,
			Consumer<SimulatedEvent> sink) {
		boolean unhelpful = account.drift() == Signal.UNHELPFUL_HELP && random.nextDouble() < drift;
		double opened = 0.02 * account.users() / 5.0 + (unhelpful ? 0.15 : 0);
		if (random.nextDouble() >= opened) {
			return;
		}
		int user = random.nextInt(account.users());
		Instant at = morning.plusSeconds(random.nextInt(9 * 3600));
		sink.accept(new SimulatedEvent(account.index(), user, at, "Ticket Opened", 0, null, null));
		if (unhelpful ? random.nextDouble() < 0.6 : random.nextDouble() < 0.05) {
			sink.accept(new SimulatedEvent(account.index(), user, at.plusSeconds(3600), "Ticket Reopened", 0, null,
					null));
		}
		int rating = unhelpful ? 1 + random.nextInt(2) : 3 + random.nextInt(3);
		if (random.nextDouble() < 0.5) {
			sink.accept(new SimulatedEvent(account.index(), user, at.plusSeconds(7200), "CSAT Answered", 0, null,
					rating));
		}
	}

	/** NPS answers: one campaign a quarter, about half the users answer; drifting accounts score lower. */
	public List<NpsAnswer> npsAnswers(SimulatedAccount account) {
		Random random = stream(account.index(), 3);
		List<NpsAnswer> answers = new ArrayList<>();
		for (LocalDate day = firstDay.plusDays(45); !day.isAfter(lastDay); day = day.plusDays(91)) {
			if (day.isBefore(account.startedOn())
					|| (account.cancelledOn() != null && !day.isBefore(account.cancelledOn()))) {
				continue;
			}
			double drift = drift(account, day);
			for (int u = 0; u < account.users(); u++) {
				if (random.nextBoolean()) {
					int score = (int) Math.round(8.2 + 1.5 * random.nextGaussian() - 5 * drift);
					answers.add(new NpsAnswer(account.index(), u, day.plusDays(random.nextInt(7)),
							Math.max(0, Math.min(10, score))));
				}
			}
		}
		return answers;
	}

	/** How far the account has drifted on the day: 0 before, rising to 1 over three weeks. */
	static double drift(SimulatedAccount account, LocalDate day) {
		if (account.driftsFrom() == null || day.isBefore(account.driftsFrom())) {
			return 0;
		}
		return Math.min(1, (java.time.temporal.ChronoUnit.DAYS.between(account.driftsFrom(), day) + 1) / 21.0);
	}

	/** The account's own random stream for a purpose, its seed mixed (SplitMix64) so near seeds do not correlate. */
	private Random stream(int account, int purpose) {
		long z = seed * 0x9E3779B97F4A7C15L + account * 0xBF58476D1CE4E5B9L + purpose * 0x94D049BB133111EBL;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return new Random(z ^ (z >>> 31));
	}
}
