package io.rapport.channels.email.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.rapport.channels.email.mime.BodyReader.Piece;
import io.rapport.channels.email.mime.MimeTree.Node;
import io.rapport.shared.SafeHtml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The {@link MailParser} of Rapport: mime4j's lenient token stream for the structure, our own decoding for
 * charsets, encoded words and quotes (see the package's classes). Limits refuse only what cannot be read at all or
 * would cost too much: a mail over {@code rapport.mail.max-bytes} (25 MB), a header block of more than
 * {@code rapport.mail.max-header-fields} fields or {@code rapport.mail.max-header-bytes}; parts nested deeper than
 * {@code rapport.mail.max-depth} are skipped with a problem noted.
 */
@Component
public class MimeMailParser implements MailParser {

	private final long maxBytes;

	private final int maxHeaderFields;

	private final int maxHeaderBytes;

	private final int maxDepth;

	@Autowired
	public MimeMailParser(@Value("${rapport.mail.max-bytes:25MB}") DataSize maxBytes,
			@Value("${rapport.mail.max-header-fields:1000}") int maxHeaderFields,
			@Value("${rapport.mail.max-header-bytes:1MB}") DataSize maxHeaderBytes,
			@Value("${rapport.mail.max-depth:20}") int maxDepth) {
		this.maxBytes = maxBytes.toBytes();
		this.maxHeaderFields = maxHeaderFields;
		this.maxHeaderBytes = (int) Math.min(Integer.MAX_VALUE, maxHeaderBytes.toBytes());
		this.maxDepth = maxDepth;
	}

	/** A parser with the default limits (25 MB, 1,000 header fields, a 1 MB header block, 20 levels). */
	public MimeMailParser() {
		this(DataSize.ofMegabytes(25), 1000, DataSize.ofMegabytes(1), 20);
	}

	@Override
	public ParsedMail parse(byte[] raw) throws UnreadableMailException {
		if (raw == null || raw.length == 0) {
			throw new UnreadableMailException("Not a mail: it is empty");
		}
		if (raw.length > maxBytes) {
			throw new UnreadableMailException("The mail is larger than " + Sizes.describe(maxBytes));
		}
		HeaderScan.Result scan = HeaderScan.scan(raw, maxHeaderFields, maxHeaderBytes);
		List<String> problems = new ArrayList<>();
		byte[] mail = scan.start() == 0 ? raw : java.util.Arrays.copyOfRange(raw, scan.start(), raw.length);
		Node root = MimeTree.read(mail, maxDepth, problems);
		BodyReader reader = new BodyReader(problems);
		Piece body = reader.read(root);
		return assemble(root, scan, body, reader, problems);
	}

	private ParsedMail assemble(Node root, HeaderScan.Result scan, Piece body, BodyReader reader,
			List<String> problems) {
		String subject = EncodedWords.decode(root.field("Subject"));
		ParsedMail.Headers headers = new ParsedMail.Headers(EncodedWords.decode(root.field("Auto-Submitted")),
				EncodedWords.decode(root.field("Precedence")), EncodedWords.decode(root.field("List-Id")),
				EncodedWords.decode(root.field("X-Autoreply")), EncodedWords.decode(root.field("X-Spam-Flag")),
				EncodedWords.decode(root.field("Content-Language")), scan.fieldCount());
		ParsedMail.Kind kind = MailKinds.of(root, headers, subject);
		Content content = Content.of(body);
		ParsedMail.Bounce bounce = kind == ParsedMail.Kind.BOUNCE
				? DeliveryStatus.read(reader.deliveryStatus, reader.returnedHeaders) : null;
		List<String> deliveredTo = new ArrayList<>();
		for (String field : List.of("Delivered-To", "X-Original-To")) {
			for (String value : root.all(field)) {
				MailHeaders.addresses(value).forEach(address -> deliveredTo.add(address.email()));
			}
		}
		return new ParsedMail(MailHeaders.firstId(root.field("Message-ID")),
				MailHeaders.ids(root.field("In-Reply-To")), MailHeaders.ids(String.join(" ", root.all("References"))),
				subject, MailHeaders.first(root.field("From")), MailHeaders.first(root.field("Reply-To")),
				MailHeaders.addresses(root.all("To")), MailHeaders.addresses(root.all("Cc")),
				MailHeaders.returnPath(root.field("Return-Path")), deliveredTo, MailHeaders.date(root.field("Date")),
				content.text, content.html, content.quotedText, content.quotedHtml,
				Attachments.parts(reader.files, content.contentIds), kind, bounce, headers,
				EncodedWords.decode(root.field("Thread-Index")),
				Languages.guess(headers.contentLanguage(), reader.charset, content.text), content.remoteImages,
				problems);
	}

	/** The new text and the quoted history, as text and as safe HTML. */
	private record Content(String text, String html, String quotedText, String quotedHtml, int remoteImages,
			Set<String> contentIds) {

		static Content of(Piece body) {
			if (body.html() != null) {
				HtmlBody html = HtmlBody.read(body.html());
				String[] text = body.text() == null ? new String[] { html.text, html.quotedText }
						: TextQuotes.split(body.text().strip());
				return new Content(text[0], html.html, text[1], html.quotedHtml, html.remoteImages, html.contentIds);
			}
			String[] text = TextQuotes.split(body.text() == null ? "" : body.text().strip());
			return new Content(text[0], SafeHtml.fromText(text[0]), text[1],
					text[1] == null ? null : SafeHtml.fromText(text[1]), 0, Set.of());
		}
	}
}
