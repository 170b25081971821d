package io.rapport.customer360;

import io.rapport.Bundles;
import org.junit.jupiter.api.Test;

class Customer360BundlesTests {

	@Test
	void shouldSpeakEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("customer360");
	}
}
