package io.rapport.analytics;

import io.rapport.Bundles;
import org.junit.jupiter.api.Test;

class AnalyticsBundlesTests {

	@Test
	void shouldTranslateEveryKeyIntoEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("analytics");
	}
}
