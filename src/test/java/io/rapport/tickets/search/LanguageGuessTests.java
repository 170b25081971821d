package io.rapport.tickets.search;

import io.rapport.shared.search.LanguageGuess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Real sentences from support conversations, each guessed right, and short texts left to the contact's locale. */
class LanguageGuessTests {

	@Test
	void shouldReadChineseByItsCharactersEvenWithLatinProductNames() {
		assertThat(LanguageGuess.of("我无法重置密码，点击链接后页面一直显示错误。", null)).isEqualTo("zh");
		assertThat(LanguageGuess.of("Webhook 配置后没有收到任何通知", "en")).isEqualTo("zh");
	}

	@Test
	void shouldReadTamilByItsScript() {
		assertThat(LanguageGuess.of("என் கணக்கில் உள்நுழைய முடியவில்லை, கடவுச்சொல் மீட்டமைப்பு இணைப்பு வேலை செய்யவில்லை.",
				null)).isEqualTo("ta");
	}

	@Test
	void shouldReadRomanianWithAndWithoutDiacritics() {
		assertThat(LanguageGuess.of("Bună ziua, nu pot să mă conectez la aplicație după actualizare.", null))
			.isEqualTo("ro");
		assertThat(LanguageGuess.of("Buna ziua, factura din martie este gresita si nu am primit-o pe email.", null))
			.isEqualTo("ro");
	}

	@Test
	void shouldReadEsperantoWithItsLettersOrTheXSystem() {
		assertThat(LanguageGuess.of("Saluton, mi ne povas ŝanĝi mian pasvorton kaj la retpoŝto ne alvenas.", null))
			.isEqualTo("eo");
		assertThat(LanguageGuess.of("Cxu vi povas helpi min? La fakturo estas malgxusta.", null)).isEqualTo("eo");
	}

	@Test
	void shouldReadEnglishByItsCommonWords() {
		assertThat(LanguageGuess.of("The export to CSV is failing since the last update and I cannot find why.", "ro"))
			.isEqualTo("en");
	}

	@Test
	void shouldFallBackToTheContactsLocaleWhenTheTextSaysTooLittle() {
		assertThat(LanguageGuess.of("Webhooks", "ro")).isEqualTo("ro");
		assertThat(LanguageGuess.of("API 500", "zh-Hans")).isEqualTo("zh");
		assertThat(LanguageGuess.of("Webhooks", null)).isEqualTo("any");
		assertThat(LanguageGuess.of("Hola, no puedo entrar", "de")).isEqualTo("any");
		assertThat(LanguageGuess.sure("SSO")).isNull();
	}

	@Test
	void shouldTakeOtherScriptsAsAnyLanguage() {
		assertThat(LanguageGuess.of("Не могу войти в систему после обновления", "en")).isEqualTo("any");
	}

	@Test
	void shouldReadOnlyTheStartOfALongMailThread() {
		String romanian = "Bună ziua, nu pot să mă conectez la aplicație după actualizare. ";
		String quoted = "> The export to CSV is failing since the last update and I cannot find why. ";
		assertThat(LanguageGuess.sure(romanian.repeat(70) + quoted.repeat(2_000))).isEqualTo("ro");
	}
}
