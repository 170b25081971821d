package io.rapport.accounts;

import io.rapport.Bundles;
import org.junit.jupiter.api.Test;

class SuccessBundlesTests {

	@Test
	void shouldSpeakEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("success");
	}
}
