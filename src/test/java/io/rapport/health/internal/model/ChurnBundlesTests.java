package io.rapport.health.internal.model;

import io.rapport.Bundles;
import org.junit.jupiter.api.Test;

class ChurnBundlesTests {

	@Test
	void shouldSpeakEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("churn");
	}
}
