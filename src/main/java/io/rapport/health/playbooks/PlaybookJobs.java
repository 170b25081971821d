package io.rapport.health.playbooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.DailyUsage;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The triggers no event announces. Every hour, new accounts: a new account's playbooks start once it is an hour old,
 * because the account comes first and its contacts, owner and subscription right after it (an import, a Stripe
 * customer, a success manager typing); run at once, the welcome mail found nobody to write to and the tasks nobody to
 * give them to. Accounts that already left (every subscription cancelled, as imported past customers) are not
 * onboarded, nor accounts recorded now whose first subscription began before the three days looked back (an import
 * of existing customers); the occurrence is the account's start (its creation, or an earlier subscription start), so tasks fall due counted from it, and an account seen again
 * the next hour is never run twice. Once a day: renewals coming within a playbook's days (one occurrence
 * per renewal date, so a day the job missed is caught the next day and a renewal is never run twice), and accounts
 * nobody signed in to for a playbook's days (one occurrence per silence, named by the last sign-in day; read from
 * the usage rollups of "Signed In").
 */
@Component
class PlaybookJobs {

	static final int SIGN_IN_LOOKBACK_DAYS = 400;

	static final String SIGNED_IN = "Signed In";

	private final Playbooks playbooks;

	private final PlaybookEngine engine;

	private final SubscriptionsApi subscriptions;

	private final AccountsApi accounts;

	private final ActivityApi activity;

	private final Clock clock;

	PlaybookJobs(Playbooks playbooks, PlaybookEngine engine, SubscriptionsApi subscriptions, AccountsApi accounts,
			ActivityApi activity, Clock clock) {
		this.playbooks = playbooks;
		this.engine = engine;
		this.subscriptions = subscriptions;
		this.accounts = accounts;
		this.activity = activity;
		this.clock = clock;
	}

	/** How old an account must be before its new-account playbooks start. */
	static final Duration SETTLING = Duration.ofHours(1);

	/** How far back the hourly look for new accounts goes: a job missed for two days still catches them. */
	static final Duration NEW_ACCOUNT_LOOKBACK = Duration.ofDays(3);

	@Scheduled(cron = "${rapport.playbooks.hourly-cron:0 10 * * * *}", zone = "UTC")
	@SchedulerLock(name = "playbooks-new-accounts")
	public void hourly() {
		newAccounts();
	}

	/** Fires the new-account playbooks for accounts between one hour and three days old; answers the runs. */
	int newAccounts() {
		if (playbooks.active(Trigger.NEW_ACCOUNT).isEmpty()) {
			return 0;
		}
		Instant now = clock.instant();
		List<AccountView> fresh = accounts.createdBetween(now.minus(NEW_ACCOUNT_LOOKBACK), now.minus(SETTLING));
		Map<Long, List<SubscriptionView>> subscribed = subscriptions
			.ofAccounts(fresh.stream().map(AccountView::id).toList());
		int runs = 0;
		Instant oldest = now.minus(NEW_ACCOUNT_LOOKBACK);
		for (AccountView account : fresh) {
			List<SubscriptionView> its = subscribed.getOrDefault(account.id(), List.of());
			boolean left = !its.isEmpty() && its.stream().allMatch(s -> s.cancelledAt() != null);
			// an account recorded now whose subscription began long ago (an import) is no new customer
			Instant began = its.stream().map(SubscriptionView::startedAt).filter(at -> at.isBefore(account.createdAt()))
				.min(Instant::compareTo).orElse(account.createdAt());
			if (!left && !began.isBefore(oldest)) {
				runs += engine.fire(Occurrence.of(Trigger.NEW_ACCOUNT, account.id(), "new", began)).size();
			}
		}
		return runs;
	}

	@Scheduled(cron = "${rapport.playbooks.daily-cron:0 40 5 * * *}", zone = "UTC")
	@SchedulerLock(name = "playbooks-daily")
	public void daily() {
		renewals();
		quietAccounts();
	}

	/** Fires the renewal playbooks for every renewal within the longest of their windows; answers the runs. */
	int renewals() {
		int window = playbooks.active(Trigger.RENEWAL_DUE).stream().map(Playbook::triggerDays)
			.filter(d -> d != null).mapToInt(Integer::intValue).max().orElse(-1);
		if (window < 0) {
			return 0;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		int runs = 0;
		Set<String> seen = new LinkedHashSet<>();
		for (SubscriptionView s : subscriptions.renewingBetween(now, now.plus(Duration.ofDays(window + 1L)))) {
			LocalDate renewal = LocalDate.ofInstant(s.renewsAt(), ZoneOffset.UTC);
			if (seen.add(s.accountId() + ":" + renewal)) {
				int days = (int) ChronoUnit.DAYS.between(today, renewal);
				runs += engine.fire(new Occurrence(Trigger.RENEWAL_DUE, s.accountId(), "renewal:" + renewal, now, null,
						null, null, null, days)).size();
			}
		}
		return runs;
	}

	/** Fires the no-sign-in playbooks for accounts silent for at least the shortest of their days. */
	int quietAccounts() {
		int shortest = playbooks.active(Trigger.NO_SIGN_IN).stream().map(Playbook::triggerDays)
			.filter(d -> d != null).mapToInt(Integer::intValue).min().orElse(-1);
		if (shortest < 0) {
			return 0;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		int runs = 0;
		for (int page = 0;; page++) {
			List<AccountView> items = accounts.searchAccounts("", page, 200).items();
			for (AccountView account : items) {
				Optional<Occurrence> silence = silence(account, today, now, shortest);
				if (silence.isPresent()) {
					runs += engine.fire(silence.get()).size();
				}
			}
			if (items.size() < 200) {
				return runs;
			}
		}
	}

	private Optional<Occurrence> silence(AccountView account, LocalDate today, Instant now, int shortest) {
		Optional<LocalDate> last = activity.usage(account.id(), today.minusDays(SIGN_IN_LOOKBACK_DAYS), today,
				SIGNED_IN).stream().filter(u -> u.count() > 0).map(DailyUsage::day).max(LocalDate::compareTo);
		LocalDate since = last.orElse(LocalDate.ofInstant(account.createdAt(), ZoneOffset.UTC));
		int days = (int) ChronoUnit.DAYS.between(since, today);
		if (days < shortest) {
			return Optional.empty();
		}
		String key = last.map(d -> "silent-since:" + d).orElse("never-signed-in");
		return Optional.of(new Occurrence(Trigger.NO_SIGN_IN, account.id(), key, now, null, null, null, null, days));
	}
}
