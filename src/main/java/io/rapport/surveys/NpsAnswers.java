package io.rapport.surveys;

import java.util.function.Consumer;

/** Every NPS answer in force, for read models that rebuild from the source. */
public interface NpsAnswers {

	/** Calls {@code each} once per answer, oldest first, as the event that stated it last. */
	void forEach(Consumer<NpsAnswered> each);
}
