package io.rapport.health.internal.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.rapport.health.internal.ChurnEstimates;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The churn estimates the pages and the at-risk list read: the latest trained model applied to an account's latest
 * snapshot (its measures then and 30 days before), with the measures that moved the estimate most. The model is
 * kept in memory and reloaded when another run (on any node) trained a newer one.
 */
@Service
class InstalledChurnEstimates implements ChurnEstimates {

	static final int FACTORS = 5;

	private final ChurnModels models;

	private final StoredMeasures measures;

	private final MessageSource messages;

	private volatile ChurnModel cached;

	InstalledChurnEstimates(ChurnModels models, StoredMeasures measures, MessageSource messages) {
		this.models = models;
		this.measures = measures;
		this.messages = messages;
	}

	@Override
	public Optional<ChurnEstimate> estimate(long accountId) {
		Optional<ChurnModel> model = model();
		if (model.isEmpty()) {
			return Optional.empty();
		}
		return measures.latest(accountId).map(m -> {
			List<Factor> factors = model.get().effects(m.now(), m.before()).stream().limit(FACTORS)
				.map(e -> new Factor(e.measureKey(), measureLabel(e.measureKey(), messages), e.effect())).toList();
			return new ChurnEstimate(model.get().probability(m.now(), m.before()), factors);
		});
	}

	@Override
	public boolean available() {
		return model().isPresent();
	}

	@Override
	public String status() {
		return models.latest().map(run -> statusOf(run, messages, LocaleContextHolder.getLocale()))
			.orElseGet(() -> messages.getMessage("churn.status.never", null, LocaleContextHolder.getLocale()));
	}

	private Optional<ChurnModel> model() {
		Optional<Long> id = models.latestTrainedId();
		if (id.isEmpty()) {
			return Optional.empty();
		}
		ChurnModel current = cached;
		if (current == null || current.id() != id.get()) {
			current = models.latestTrained().orElse(null);
			cached = current;
		}
		return Optional.ofNullable(current);
	}

	/** A run's outcome in words: what the model was trained on, or why there is none yet. */
	static String statusOf(ChurnModel run, MessageSource messages, Locale locale) {
		return switch (run.status()) {
			case TRAINED -> messages.getMessage("churn.status.trained", new Object[] { run.cancelledAccounts(),
					run.trainingRows(), run.validationRows() }, locale);
			case TOO_FEW_CANCELLED -> messages.getMessage("churn.status.too-few", new Object[] {
					run.cancelledAccounts(), run.minimumCancelled() }, locale);
			case NO_HISTORY -> messages.getMessage("churn.status.no-history", new Object[] { run.horizonDays() * 2 },
					locale);
			case ONE_CLASS -> messages.getMessage("churn.status.one-class", new Object[] { run.horizonDays() },
					locale);
		};
	}

	/** The scorecard's label for a measure ({@code health.measure.<key>}), or the key made readable. */
	static String measureLabel(String key, MessageSource messages) {
		String readable = key.replace('_', ' ').replace('-', ' ');
		return messages.getMessage("health.measure." + key, null,
				readable.isEmpty() ? key : Character.toUpperCase(readable.charAt(0)) + readable.substring(1),
				LocaleContextHolder.getLocale());
	}
}
