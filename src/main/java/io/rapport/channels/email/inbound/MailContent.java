package io.rapport.channels.email.inbound;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.rapport.channels.email.MailboxDirectory;
import io.rapport.channels.email.mime.ParsedMail;
import io.rapport.tickets.Upload;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The parts of a mail a ticket keeps, shaped to what a ticket accepts: a subject of at most 250 characters ("(no
 * subject)" when it has none), at most ten non-empty files (the rest stay in the raw mail, which agents can
 * download), and the CCs: every other address in To and Cc except our own.
 */
@Component
class MailContent {

	static final int MAX_SUBJECT = 250;

	/** The tickets module's limit of files on one message. */
	static final int MAX_FILES = 10;

	private final MailboxDirectory mailboxes;

	private final MessageSource messages;

	MailContent(MailboxDirectory mailboxes, MessageSource messages) {
		this.mailboxes = mailboxes;
		this.messages = messages;
	}

	String subject(ParsedMail mail) {
		String subject = mail.subject() == null ? "" : mail.subject().strip();
		if (subject.isEmpty()) {
			return messages.getMessage("inbound.subject.none", null, Locale.ENGLISH);
		}
		return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT - 1) + "…" : subject;
	}

	/** Inline images first (the text shows them), then files, up to the limit. */
	List<Upload> uploads(ParsedMail mail) {
		List<Upload> uploads = new ArrayList<>();
		mail.attachments().stream().filter(part -> part.contentId() != null).forEach(part -> add(uploads, part));
		mail.attachments().stream().filter(part -> part.contentId() == null).forEach(part -> add(uploads, part));
		return uploads;
	}

	/** To and Cc, less our mailboxes (and their plus addresses) and the requester, in order, once each. */
	List<String> ccs(ParsedMail mail, String requester) {
		OurAddresses ours = new OurAddresses(mailboxes.all());
		Set<String> ccs = new LinkedHashSet<>();
		List<ParsedMail.Address> addresses = new ArrayList<>(mail.to());
		addresses.addAll(mail.cc());
		for (ParsedMail.Address address : addresses) {
			String email = OurAddresses.normalize(address.email());
			if (!email.isEmpty() && email.contains("@") && !ours.isOurs(email)
					&& !email.equals(OurAddresses.normalize(requester))) {
				ccs.add(email);
			}
		}
		return List.copyOf(ccs);
	}

	private static void add(List<Upload> uploads, ParsedMail.Part part) {
		if (uploads.size() < MAX_FILES && part.content() != null && part.content().length > 0) {
			uploads.add(new Upload(part.filename(), part.contentType(), part.content(), part.contentId()));
		}
	}
}
