package io.rapport.surveys;

import java.util.function.Consumer;

/** Every CSAT answer in force (the latest rating per answer), for read models that rebuild from the source. */
public interface CsatAnswers {

	/** Calls {@code each} once per answer, oldest first, as the event that stated it last. */
	void forEach(Consumer<CsatRated> each);
}
