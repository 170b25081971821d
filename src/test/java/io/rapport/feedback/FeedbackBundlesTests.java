package io.rapport.feedback;

import io.rapport.Bundles;
import org.junit.jupiter.api.Test;

class FeedbackBundlesTests {

	@Test
	void shouldSpeakEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("feedback");
	}
}
