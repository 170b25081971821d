package io.rapport.health.playbooks;

import io.rapport.Bundles;
import org.junit.jupiter.api.Test;

class PlaybooksBundlesTests {

	@Test
	void shouldSpeakEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("playbooks");
	}
}
