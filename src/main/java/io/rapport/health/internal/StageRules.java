package io.rapport.health.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.StageChange;

import org.springframework.stereotype.Component;

/**
 * The lifecycle rules run after the nightly scores: onboarding becomes adoption at the first value event or after
 * thirty days in onboarding; adoption or retention becomes expansion once the people active in thirty days pass 80%
 * of the seats. An account an agent moved by hand in the last thirty days is left where the agent put it. Moves go
 * through {@link AccountsApi#moveStage(long, LifecycleStage, String, String)} naming the rule.
 */
@Component
class StageRules {

	static final String FIRST_VALUE = "rule: first value event";

	static final String THIRTY_DAYS = "rule: 30 days in onboarding";

	static final String SEATS_IN_USE = "rule: seats in use above 80%";

	private static final Duration HAND_MOVE_RESPECTED = Duration.ofDays(30);

	private final AccountsApi accounts;

	private final InputLoader loader;

	private final Clock clock;

	StageRules(AccountsApi accounts, InputLoader loader, Clock clock) {
		this.accounts = accounts;
		this.loader = loader;
		this.clock = clock;
	}

	/** Applies the rules to every account as of now; answers how many moved. */
	int run() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		InputLoader.Answers answers = loader.answers();
		int moved = 0;
		long after = 0;
		while (true) {
			List<Long> ids = accounts.accountIds(after, HealthScoring.RANGE);
			if (ids.isEmpty()) {
				return moved;
			}
			Map<Long, AccountView> views = accounts.accounts(ids);
			Map<Long, AccountInputs> inputs = loader.load(ids, today, now, List.of(), answers);
			for (long id : ids) {
				AccountView view = views.get(id);
				if (view != null && apply(view, inputs.get(id), now)) {
					moved++;
				}
			}
			after = ids.get(ids.size() - 1);
		}
	}

	private boolean apply(AccountView account, AccountInputs in, Instant now) {
		String rule = rule(account.stage(), in);
		List<StageChange> history = null;
		if (rule == null && account.stage() == LifecycleStage.ONBOARDING) {
			history = accounts.stageHistory(account.id());
			if (!history.isEmpty() && history.get(0).at().plus(Duration.ofDays(30)).compareTo(now) <= 0) {
				rule = THIRTY_DAYS;
			}
		}
		if (rule == null) {
			return false;
		}
		if (movedByHandRecently(history == null ? accounts.stageHistory(account.id()) : history, now)) {
			return false;
		}
		LifecycleStage to = account.stage() == LifecycleStage.ONBOARDING ? LifecycleStage.ADOPTION
				: LifecycleStage.EXPANSION;
		return accounts.moveStage(account.id(), to, reason(rule, in), rule);
	}

	/** The rule that fires on the usage alone, or null. */
	private static String rule(LifecycleStage stage, AccountInputs in) {
		if (stage == LifecycleStage.ONBOARDING) {
			long valueEvents = in.valueEvents().stream()
				.mapToLong(e -> MeasureValues.count(in.current(InputLoader.FLAG_WINDOW), e)).sum();
			return valueEvents > 0 ? FIRST_VALUE : null;
		}
		if ((stage == LifecycleStage.ADOPTION || stage == LifecycleStage.RETENTION) && in.seats() > 0
				&& MeasureValues.users(in.current(InputLoader.FLAG_WINDOW)) > 0.8 * in.seats()) {
			return SEATS_IN_USE;
		}
		return null;
	}

	private static String reason(String rule, AccountInputs in) {
		if (SEATS_IN_USE.equals(rule)) {
			return MeasureValues.users(in.current(InputLoader.FLAG_WINDOW)) + " of " + in.seats()
					+ " seats used in 30 days";
		}
		return FIRST_VALUE.equals(rule) ? "first value event" : "30 days in onboarding";
	}

	private static boolean movedByHandRecently(List<StageChange> history, Instant now) {
		return history.stream().anyMatch(change -> change.agentId() != null
				&& change.at().plus(HAND_MOVE_RESPECTED).isAfter(now));
	}
}
