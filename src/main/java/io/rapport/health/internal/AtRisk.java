package io.rapport.health.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.identity.AgentView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.InvalidInputException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The at-risk list: accounts with an open flag or a red score, ranked by MRR at risk, which is the MRR of their live
 * subscriptions times the risk: the churn model's probability when a model is in use, otherwise how far the score is
 * from 100 (a score of 30 puts 70% of the MRR at risk). Success managers work it from the top. An account whose
 * every subscription is cancelled has already left and is not listed (one without subscriptions is).
 */
@Component
public class AtRisk {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

	public record Owner(long id, String name) {
	}

	public record Entry(long accountId, String name, Integer score, String band, Double churnProbability,
			List<HealthReport.FlagJson> flags, long mrrCents, String currency, long mrrAtRiskCents, Instant renewsAt,
			Owner owner) {
	}

	private final JdbcTemplate jdbc;

	private final HealthFlags flags;

	private final Snapshots snapshots;

	private final AccountsApi accounts;

	private final SubscriptionsApi subscriptions;

	private final IdentityApi identity;

	private final ObjectProvider<ChurnEstimates> churn;

	AtRisk(JdbcTemplate jdbc, HealthFlags flags, Snapshots snapshots, AccountsApi accounts,
			SubscriptionsApi subscriptions, IdentityApi identity, ObjectProvider<ChurnEstimates> churn) {
		this.jdbc = jdbc;
		this.flags = flags;
		this.snapshots = snapshots;
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.identity = identity;
		this.churn = churn;
	}

	static int limit(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value.strip());
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException e) {
			// answered below
		}
		throw InvalidInputException.of("limit", "errors.health.limit", MAX_LIMIT);
	}

	List<Entry> list(int limit, Long ownerId, Locale locale) {
		Set<Long> candidates = new LinkedHashSet<>(flags.flaggedAccounts());
		candidates.addAll(jdbc.queryForList("select s.account_id from health_snapshots s where s.band = 'RED' and "
				+ "s.snapshot_day = (select max(p.snapshot_day) from health_snapshots p where p.account_id = s.account_id)",
				Long.class));
		Map<Long, AccountView> views = accounts.accounts(candidates);
		List<Long> ids = candidates.stream().filter(views::containsKey)
			.filter(id -> ownerId == null || ownerId.equals(views.get(id).ownerId())).toList();
		Map<Long, Snapshots.Snapshot> latest = snapshots.latest(ids);
		Map<Long, List<HealthFlags.Occurrence>> open = flags.open(ids);
		Map<Long, List<SubscriptionView>> subs = subscriptions.ofAccounts(ids);
		ChurnEstimates model = Optional.ofNullable(churn.getIfAvailable()).filter(ChurnEstimates::available)
			.orElse(null);
		List<Entry> entries = new ArrayList<>();
		for (long id : ids) {
			Snapshots.Snapshot s = latest.get(id);
			if (s != null && !HealthSettings.RED.equals(s.band()) && open.getOrDefault(id, List.of()).isEmpty()) {
				continue; // the red score is not the newest any more
			}
			List<SubscriptionView> all = subs.getOrDefault(id, List.of());
			List<SubscriptionView> live = all.stream().filter(SubscriptionView::live).toList();
			if (!all.isEmpty() && live.isEmpty()) {
				continue; // already lost: every subscription cancelled, nothing left to save
			}
			long mrr = live.stream().mapToLong(SubscriptionView::mrrCents).sum();
			String currency = live.stream().map(SubscriptionView::currency).findFirst().orElse(null);
			Instant renewsAt = live.stream().map(SubscriptionView::renewsAt).filter(r -> r != null)
				.min(Comparator.naturalOrder()).orElse(null);
			Double probability = model == null ? null
					: model.estimate(id).map(ChurnEstimates.ChurnEstimate::probability).orElse(null);
			Integer score = s == null ? null : s.score();
			double risk = probability != null ? probability : score == null ? 0.5 : (100 - score) / 100.0;
			List<HealthReport.FlagJson> up = open.getOrDefault(id, List.of()).stream()
				.map(o -> new HealthReport.FlagJson(o.key(), flags.label(o.key(), locale), o.raisedOn(),
						flags.evidence(o, locale)))
				.toList();
			AccountView view = views.get(id);
			Owner owner = view.ownerId() == null ? null : new Owner(view.ownerId(),
					identity.agent(view.ownerId()).map(AgentView::name).orElse(null));
			entries.add(new Entry(id, view.name(), score, s == null ? null : s.band(), probability, up, mrr, currency,
					Math.round(mrr * risk), renewsAt, owner));
		}
		entries.sort(Comparator.comparingLong(Entry::mrrAtRiskCents).reversed()
			.thenComparing(e -> e.score() == null ? 101 : e.score()).thenComparingLong(Entry::accountId));
		return entries.size() > limit ? List.copyOf(entries.subList(0, limit)) : entries;
	}

	/** Whether a model speaks; when not, the words the page shows ("rules only: ..."). */
	Optional<String> rulesOnly() {
		ChurnEstimates model = churn.getIfAvailable();
		if (model != null && model.available()) {
			return Optional.empty();
		}
		return Optional.of(model == null ? "" : model.status());
	}
}
