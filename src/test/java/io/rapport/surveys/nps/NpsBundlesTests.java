package io.rapport.surveys.nps;

import io.rapport.Bundles;
import org.junit.jupiter.api.Test;

/** Every word of NPS's pages, mails and follow-ups exists in every language Rapport speaks. */
class NpsBundlesTests {

	@Test
	void shouldTranslateEveryKeyIntoEveryLanguage() {
		Bundles.assertEveryLanguageHasEveryKey("nps");
	}
}
