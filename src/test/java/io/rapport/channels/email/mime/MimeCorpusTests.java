package io.rapport.channels.email.mime;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The 80 messages of Apache James mime4j's own test corpus (its {@code tests} jar: {@code mimetools-testmsgs} and
 * {@code testmsgs}) parse without an exception and without losing a part, except the two that have no header
 * block, which are refused on purpose (see {@link #shouldRefuseTextWithoutHeaders()}). The measure: each message's
 * {@code _decoded.xml} lists its leaf bodies with their decoded content in files beside it. Every leaf of the
 * mail itself must be found in what we produced: a binary leaf as an attachment with exactly those bytes, a text
 * leaf either as an attachment with those bytes or, when it is the mail's text, by a word of it found in the text,
 * the quoted text or the HTML. A leaf inside an attached message ({@code message/rfc822}) is found when that
 * message is kept whole as an {@code .eml} attachment: we count one such attachment per attached message (also when
 * the mail's whole body is a {@code message/rfc822}). In {@code multipart/alternative}, a text part replaced by a
 * later one of the same type is kept as a file, so it is found as an attachment.
 */
class MimeCorpusTests {

	private static final List<String> HEADERLESS = List.of("/testmsgs/malformedHeader-noheader.msg",
			"/testmsgs/malformedHeaderStartsBody-noheader.msg");

	private final MimeMailParser parser = new MimeMailParser();

	/** The tests jar as a file system, opened once for the class (the method source runs before any instance). */
	private static synchronized FileSystem jar() throws IOException {
		URI uri = URI.create(MimeCorpusTests.class.getClassLoader().getResource("testmsgs").toString());
		try {
			return FileSystems.getFileSystem(uri);
		}
		catch (FileSystemNotFoundException ex) {
			return FileSystems.newFileSystem(uri, Map.of());
		}
	}

	static Stream<String> messages() throws IOException {
		List<String> names = new ArrayList<>();
		for (String dir : List.of("/testmsgs", "/mimetools-testmsgs")) {
			try (Stream<Path> files = Files.list(jar().getPath(dir))) {
				files.map(Path::toString).filter(name -> name.endsWith(".msg")).sorted().forEach(names::add);
			}
		}
		return names.stream();
	}

	/**
	 * The two messages of the corpus that have no header block at all. mime4j reads them as a body without
	 * headers; Rapport refuses them as not a mail (issue 6: no header block means unreadable), so they land in the
	 * failed-mail list with the raw text kept rather than as a ticket from nobody.
	 */
	@Test
	void shouldRefuseTextWithoutHeaders() throws IOException {
		for (String name : HEADERLESS) {
			byte[] raw = Files.readAllBytes(jar().getPath(name));
			assertThatThrownBy(() -> parser.parse(raw)).as(name).isInstanceOf(UnreadableMailException.class)
				.hasMessageContaining("header block");
		}
	}

	@Test
	void shouldFindAllEightyMessages() throws IOException {
		assertThat(messages().count()).isEqualTo(80);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("messages")
	void shouldParseWithoutLosingAPart(String name) throws Exception {
		assumeFalse(HEADERLESS.contains(name), "a text without a header block: see shouldRefuseTextWithoutHeaders");
		ParsedMail mail = parser.parse(Files.readAllBytes(jar().getPath(name)));

		String base = name.substring(0, name.length() - ".msg".length());
		Element root = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(Files.newInputStream(jar().getPath(base + "_decoded.xml"))).getDocumentElement();
		List<Element> leaves = new ArrayList<>();
		int attachedMessages = collect(root, leaves);
		String dir = name.substring(0, name.lastIndexOf('/') + 1);
		for (Element leaf : leaves) {
			byte[] expected = Files.readAllBytes(jar().getPath(dir + leaf.getAttribute("name")));
			assertThat(found(mail, leaf.getTagName().equals("binary-body"), expected))
				.as("%s: leaf %s (%d bytes) is in the parsed mail", name, leaf.getAttribute("name"), expected.length)
				.isTrue();
		}
		assertThat(mail.attachments().stream().filter(part -> part.filename().endsWith(".eml")).count())
			.as("%s: attached messages kept as .eml", name).isGreaterThanOrEqualTo(attachedMessages);
	}

	/** Adds the leaves of the mail itself to {@code leaves}; returns how many attached messages it holds. */
	private static int collect(Node node, List<Element> leaves) {
		int messages = 0;
		for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (!(child instanceof Element element)) {
				continue;
			}
			switch (element.getTagName()) {
				case "message" -> messages++;
				case "text-body", "binary-body" -> leaves.add(element);
				default -> messages += collect(element, leaves);
			}
		}
		return messages;
	}

	private static boolean found(ParsedMail mail, boolean binary, byte[] expected) {
		if (mail.attachments().stream().anyMatch(part -> Arrays.equals(part.content(), expected))) {
			return true;
		}
		if (binary) {
			return false;
		}
		String content = new String(expected, StandardCharsets.ISO_8859_1);
		String word = firstWord(content.indexOf('<') >= 0 ? Jsoup.parse(content).body().text() : content);
		String read = mail.text() + "\n" + mail.quotedText() + "\n" + mail.html() + "\n" + mail.quotedHtml();
		return word == null || read.contains(word);
	}

	/** The first run of at least four ASCII letters: a word any charset reads the same. */
	private static String firstWord(String text) {
		int start = -1;
		for (int i = 0; i <= text.length(); i++) {
			boolean letter = i < text.length() && (text.charAt(i) >= 'a' && text.charAt(i) <= 'z'
					|| text.charAt(i) >= 'A' && text.charAt(i) <= 'Z');
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				if (i - start >= 4) {
					return text.substring(start, i);
				}
				start = -1;
			}
		}
		return null;
	}

}
