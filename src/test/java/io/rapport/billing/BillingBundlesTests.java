package io.rapport.billing;

import io.rapport.Bundles;
import org.junit.jupiter.api.Test;

class BillingBundlesTests {

	@Test
	void shouldTranslateEveryKeyIntoEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("billing");
	}
}
