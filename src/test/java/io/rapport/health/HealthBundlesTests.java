package io.rapport.health;

import io.rapport.Bundles;
import org.junit.jupiter.api.Test;

class HealthBundlesTests {

	@Test
	void shouldSpeakEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("health");
	}
}
