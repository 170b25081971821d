package io.rapport.workflows;

import java.util.function.Consumer;

/** Every SLA target that has ended (met or breached), for read models that rebuild from the source. */
public interface SlaOutcomes {

	/** Calls {@code each} once per ended target, oldest first. */
	void forEach(Consumer<SlaTargetEnded> each);
}
