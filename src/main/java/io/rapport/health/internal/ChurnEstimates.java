package io.rapport.health.internal;

import java.util.List;
import java.util.Optional;

/**
 * An account's churn probability from the model trained on this installation's history, with the factors that
 * pushed it most; empty while there is no trained model (fewer cancelled accounts than the minimum), in which case
 * only the rules (flags) speak and the pages say so.
 */
public interface ChurnEstimates {

	Optional<ChurnEstimate> estimate(long accountId);

	/** Whether a model is trained and in use; when not, {@link #status()} says why in words. */
	boolean available();

	String status();

	/** One account's estimate: a probability in [0, 1] and the measures that raised or lowered it most. */
	record ChurnEstimate(double probability, List<Factor> factors) {
	}

	/** A measure's share in an estimate: positive raises the churn probability, negative lowers it. */
	record Factor(String key, String label, double effect) {
	}
}
