package io.rapport.activity;

import io.rapport.Bundles;
import org.junit.jupiter.api.Test;

class ActivityBundlesTests {

	@Test
	void shouldSpeakEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("activity");
	}
}
