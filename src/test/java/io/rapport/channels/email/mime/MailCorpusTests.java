package io.rapport.channels.email.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rapport's own corpus ({@code src/test/resources/mail}, listed in {@code corpus.tsv}): every mail gives the text,
 * kind, quote cut, attachments and pipeline outcome its manifest line names, and the tests below check what a line
 * cannot say (charsets without mojibake, the bounce's fields, cid images, limits, hostile input).
 */
class MailCorpusTests {

	private final MimeMailParser parser = new MimeMailParser();

	/** One line of {@code corpus.tsv}. */
	record Entry(String file, String outcome, String kind, boolean quoted, String text, List<String> attachments) {

		@Override
		public String toString() {
			return file;
		}
	}

	static Stream<Entry> corpus() throws IOException {
		return new String(read("corpus.tsv"), StandardCharsets.UTF_8).lines()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.map(line -> line.split("\t"))
			.map(f -> new Entry(f[0], f[1], f[2], f[3].equals("yes"), f[4],
					f[5].equals("-") ? List.of() : Arrays.asList(f[5].split("\\|"))));
	}

	@Test
	void shouldListAtLeastThirtyMails() throws IOException {
		assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void shouldReadEachMailAsItsManifestSays(Entry entry) throws IOException {
		byte[] raw = read(entry.file());
		if (entry.outcome().equals("FAILED")) {
			assertThatThrownBy(() -> parser.parse(raw)).isInstanceOf(UnreadableMailException.class)
				.hasMessageContaining(entry.text());
			return;
		}
		ParsedMail mail = parse(raw);
		assertThat(mail.text()).contains(entry.text());
		assertThat(mail.html()).isNotBlank();
		assertThat(mail.kind()).hasToString(entry.kind());
		assertThat(mail.quotedText() != null).as("quoted text cut").isEqualTo(entry.quoted());
		assertThat(mail.attachments()).extracting(ParsedMail.Part::filename)
			.containsExactlyElementsOf(entry.attachments());
		assertThat(outcome(mail)).isEqualTo(entry.outcome());
		assertThat(mail.text() + mail.subject() + (mail.from() == null ? "" : mail.from().name()))
			.as("no mojibake").doesNotContain("Ã", "Â", "\uFFFD");
	}

	@Test
	void shouldGuessLanguagesFromCharsetsAndLetters() throws Exception {
		assertThat(parse(read("gb18030-foxmail.eml")).language()).isEqualTo(Locale.forLanguageTag("zh"));
		assertThat(parse(read("big5.eml")).language()).isEqualTo(Locale.forLanguageTag("zh"));
		assertThat(parse(read("romanian-iso-8859-2.eml")).language()).isEqualTo(Locale.forLanguageTag("ro"));
		assertThat(parse(read("tamil-utf8.eml")).language()).isEqualTo(Locale.forLanguageTag("ta"));
		assertThat(parse(read("esperanto-utf8.eml")).language()).isEqualTo(Locale.forLanguageTag("eo"));
		assertThat(parse(read("outlook-tnef.eml")).language()).isEqualTo(Locale.forLanguageTag("en"));
	}

	@Test
	void shouldDecodeHeadersInEveryCharsetAndCleanThem() throws Exception {
		ParsedMail chinese = parse(read("gb18030-foxmail.eml"));
		assertThat(chinese.subject()).isEqualTo("无法登录账户");
		assertThat(chinese.from()).isEqualTo(new ParsedMail.Address("zhang.wei@qq.example", "张伟"));
		assertThat(parse(read("shift-jis.eml")).subject()).isEqualTo("ログインできません");
		ParsedMail eightBit = parse(read("eight-bit-headers.eml"));
		assertThat(eightBit.subject()).isEqualTo("Größe Ünïcödé ŝajno");
		assertThat(eightBit.from()).isEqualTo(new ParsedMail.Address("soren@mail.example", "Søren Ærø"));
		ParsedMail injected = parse(read("crlf-injection.eml"));
		assertThat(injected.subject()).isEqualTo("Hello Bcc: victim@evil.example").doesNotContain("\r", "\n");
		assertThat(injected.from().email()).isEqualTo("eve@evil.example");
		assertThat(injected.from().name()).doesNotContain("\r", "\n");
	}

	@Test
	void shouldReadTheBounceAndItsOriginal() throws Exception {
		ParsedMail bounce = parse(read("dsn-bounce.eml"));
		assertThat(bounce.bounce()).isEqualTo(new ParsedMail.Bounce("t123.m456.9f8e7d@rapport.brightlane.example",
				"nobody@customer.example", "5.1.1",
				"smtp; 550 5.1.1 <nobody@customer.example>: Recipient address rejected: User unknown"));
		assertThat(bounce.returnPath()).isEmpty();
		assertThat(bounce.mustNotAnswer()).isTrue();
	}

	@Test
	void shouldKeepInlineImagesAndCountRemoteOnes() throws Exception {
		ParsedMail inline = parse(read("inline-cid-image.eml"));
		assertThat(inline.html()).contains("<img src=\"cid:shot1@mail.example\"");
		assertThat(inline.attachments().get(0).contentId()).isEqualTo("shot1@mail.example");
		assertThat(inline.attachments().get(0).inline()).isTrue();
		ParsedMail tracked = parse(read("html-tracking.eml"));
		assertThat(tracked.remoteImages()).isEqualTo(2);
		assertThat(tracked.html()).doesNotContain("<script", "onclick", "javascript:", "<style");
		// Kept for an agent who asks to load them: the ticket page blocks remote sources by default.
		assertThat(tracked.html()).contains("src=\"https://t.saas.example/open.gif?u&#61;1\"",
				"src=\"http://cdn.saas.example/logo.png\"");
	}

	@Test
	void shouldKeepThreadingHeaders() throws Exception {
		ParsedMail gmail = parse(read("gmail-reply.eml"));
		assertThat(gmail.messageId()).isEqualTo("CAF1gmail-reply@mail.gmail.com");
		assertThat(gmail.inReplyTo()).containsExactly("t123.m456.9f8e7d@rapport.brightlane.example");
		assertThat(gmail.references()).containsExactly("t123.m400.aaaaaa@rapport.brightlane.example",
				"t123.m456.9f8e7d@rapport.brightlane.example");
		assertThat(gmail.quotedHtml()).contains("we have fixed the invoice");
		assertThat(gmail.html()).doesNotContain("we have fixed the invoice");
		assertThat(parse(read("outlook-tnef.eml")).threadIndex()).isEqualTo("AQHZx1234567890abcdefA==");
		assertThat(parse(read("no-message-id.eml")).messageId()).isNull();
	}

	@Test
	void shouldRefuseMailOverTheSizeLimit() {
		MimeMailParser small = new MimeMailParser(org.springframework.util.unit.DataSize.ofKilobytes(1), 1000,
				org.springframework.util.unit.DataSize.ofMegabytes(1), 20);
		byte[] big = ("Subject: big\r\n\r\n" + "x".repeat(2000)).getBytes(StandardCharsets.US_ASCII);
		assertThatThrownBy(() -> small.parse(big)).isInstanceOf(UnreadableMailException.class)
			.hasMessage("The mail is larger than 1 KB");
	}

	@Test
	void shouldReadAOneMegabyteLineAndDeepNestingWithoutFailing() throws Exception {
		String line = "On " + "a".repeat(1 << 20) + " wrote";
		ParsedMail wide = parse(("Subject: wide\r\nFrom: a@b.example\r\n\r\nHello\r\n" + line + "\r\n> q\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		assertThat(wide.text()).startsWith("Hello");
		StringBuilder deep = new StringBuilder("Text in the deepest part\r\n");
		for (int level = 30; level > 0; level--) {
			deep.insert(0, "Content-Type: multipart/mixed; boundary=\"b" + level + "\"\r\n\r\n--b" + level
					+ "\r\nContent-Type: text/plain\r\n\r\n" + "level " + level + "\r\n--b" + level + "\r\n");
			deep.append("\r\n--b").append(level).append("--\r\n");
		}
		ParsedMail nested = parse(("Subject: deep\r\nFrom: a@b.example\r\n" + deep).getBytes(StandardCharsets.US_ASCII));
		assertThat(nested.text()).contains("level 1").doesNotContain("deepest");
		assertThat(nested.problems()).anyMatch(problem -> problem.contains("nested deeper than 20"));
	}

	@Test
	void shouldReadHostileHeaderValuesInOnePass() throws Exception {
		String subject = "=?utf-8?B?a".repeat(30_000);
		String contentType = "text/plain" + ";".repeat(300_000) + "; charset=utf-8";
		String addresses = "\"a,".repeat(50_000) + " <x@y.example>";
		ParsedMail mail = parse(("Subject: " + subject + "\r\nFrom: " + addresses + "\r\nContent-Type: " + contentType
				+ "\r\n\r\nStill read\r\n").getBytes(StandardCharsets.US_ASCII));
		assertThat(mail.text()).isEqualTo("Still read");
		assertThat(mail.subject()).startsWith("=?utf-8?B?a");
	}

	/** The outcome the pipeline gives a new mail of this kind (the same rules the inbound pipeline applies). */
	private static String outcome(ParsedMail mail) {
		if (mail.flaggedAsSpam()) {
			return "HELD";
		}
		return switch (mail.kind()) {
			case BOUNCE -> "BOUNCE_RECORDED";
			case AUTO_REPLY -> "IGNORED_AUTO_REPLY";
			default -> "CREATED";
		};
	}

	private ParsedMail parse(byte[] raw) {
		try {
			return parser.parse(raw);
		}
		catch (UnreadableMailException ex) {
			throw new AssertionError(ex.getMessage(), ex);
		}
	}

	private static byte[] read(String name) throws IOException {
		try (InputStream in = MailCorpusTests.class.getResourceAsStream("/mail/" + name)) {
			return in.readAllBytes();
		}
	}
}
