package io.rapport.channels.email.imap;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the mailboxes that poll over IMAP. Each unseen mail, in UID order, goes to {@link MailIngest}, which
 * commits before it returns; only then is the mail flagged {@code \Seen} and moved or deleted. A crash in between
 * makes the next poll hand the same mail again, which the pipeline answers as a duplicate: no mail is lost, none
 * becomes two tickets. A mail the pipeline cannot take stays unseen and is tried again next poll; the others go
 * on. A connection that fails ends the poll, recorded on the mailbox in words, and the next one tries again.
 */
@Component
public class ImapPoller {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

	private final Mailboxes mailboxes;

	private final ImapConnector connector;

	private final ObjectProvider<MailIngest> ingest;

	private final MessageSource messages;

	private final Clock clock;

	ImapPoller(Mailboxes mailboxes, ImapConnector connector, ObjectProvider<MailIngest> ingest,
			MessageSource messages, Clock clock) {
		this.mailboxes = mailboxes;
		this.connector = connector;
		this.ingest = ingest;
		this.messages = messages;
		this.clock = clock;
	}

	/** One run of the job: polls every active IMAP mailbox whose interval has passed. */
	@Scheduled(initialDelay = 10_000, fixedDelay = 5_000)
	@SchedulerLock(name = "imap-poller")
	public void pollDue() {
		if (ingest.getIfAvailable() == null) {
			return;
		}
		dueMailboxes().forEach(mailbox -> pollNow(mailbox.getId()));
	}

	/** The active IMAP mailboxes whose poll interval has passed since their last poll. */
	List<Mailbox> dueMailboxes() {
		Instant now = clock.instant();
		return mailboxes.findByActiveTrueAndInboundModeOrderById(Mailbox.InboundMode.IMAP).stream()
			.filter(mailbox -> mailbox.getLastPolledAt() == null
					|| !mailbox.getLastPolledAt().plusSeconds(mailbox.getPollSeconds()).isAfter(now))
			.toList();
	}

	/** Polls one mailbox now, whatever its interval ("Check mail now"). */
	public PollResult pollNow(long mailboxId) {
		MailIngest pipeline = ingest.getIfAvailable();
		if (pipeline == null) {
			throw new IllegalStateException("No inbound mail pipeline (MailIngest) in this application");
		}
		return poll(mailboxId, pipeline);
	}

	/** Polls one mailbox, handing its mail to the given pipeline. */
	public PollResult poll(long mailboxId, MailIngest pipeline) {
		Mailbox mailbox = mailboxes.findById(mailboxId).orElse(null);
		if (mailbox == null || mailbox.getInboundMode() != Mailbox.InboundMode.IMAP || mailbox.getImapHost() == null) {
			return PollResult.stopped(mailboxId, null);
		}
		PollResult result;
		try (Store store = connector.connect(mailbox, TIMEOUT)) {
			result = readFolder(mailbox, store, pipeline);
		}
		catch (MessagingException | RuntimeException e) {
			MailFailure failure = MailFailure.of(e, mailbox.getImapHost(), mailbox.getImapPort(), mailbox.getImapUsername());
			log.info("Polling mailbox {} stopped: {}", mailboxId, e.toString());
			result = PollResult.stopped(mailboxId, words(failure));
		}
		mailboxes.recordPoll(mailboxId, clock.instant(), result.error());
		return result;
	}

	private PollResult readFolder(Mailbox mailbox, Store store, MailIngest pipeline) throws MessagingException {
		Folder folder = store.getFolder(mailbox.getImapFolder());
		if (!folder.exists()) {
			return PollResult.stopped(mailbox.getId(),
					words(new MailFailure(MailFailure.Step.FOLDER, "mailbox.test.folder", mailbox.getImapFolder())));
		}
		folder.open(Folder.READ_WRITE);
		boolean expunge = mailbox.getAfterImport() != Mailbox.AfterImport.SEEN;
		try {
			Message[] unseen = unseenInUidOrder(folder);
			int imported = new FolderImport(mailbox, folder, pipeline).run(unseen);
			return new PollResult(mailbox.getId(), unseen.length, imported, unseen.length - imported, null);
		}
		finally {
			folder.close(expunge);
		}
	}

	private static Message[] unseenInUidOrder(Folder folder) throws MessagingException {
		Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
		FetchProfile profile = new FetchProfile();
		profile.add(UIDFolder.FetchProfileItem.UID);
		profile.add(FetchProfile.Item.SIZE);
		folder.fetch(unseen, profile);
		UIDFolder uids = (UIDFolder) folder;
		Message[] sorted = unseen.clone();
		Arrays.sort(sorted, Comparator.comparingLong(message -> uid(uids, message)));
		return sorted;
	}

	private static long uid(UIDFolder folder, Message message) {
		try {
			return folder.getUID(message);
		}
		catch (MessagingException e) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * Several mails exactly as the server keeps them, by UID, in one {@code UID FETCH ... (UID BODY.PEEK[])}: one round
	 * trip for a batch instead of one per mail. A mail the server leaves out of its answer is missing from the map.
	 */
	static Map<Long, byte[]> raws(IMAPFolder folder, long[] uids) throws MessagingException {
		String set = UIDSet.toString(UIDSet.createUIDSets(uids));
		Response[] responses = (Response[]) folder.doCommand(protocol -> {
			Response[] answer = protocol.command("UID FETCH " + set + " (UID BODY.PEEK[])", null);
			protocol.notifyResponseHandlers(answer);
			protocol.handleResult(answer[answer.length - 1]);
			return answer;
		});
		Map<Long, byte[]> raws = new HashMap<>();
		for (Response response : responses) {
			if (response instanceof FetchResponse fetched) {
				UID uid = fetched.getItem(UID.class);
				BODY body = fetched.getItem(BODY.class);
				if (uid != null && body != null && body.getByteArray() != null) {
					raws.put(uid.uid, body.getByteArray().getNewBytes());
				}
			}
		}
		return raws;
	}

	/** The mail exactly as the server keeps it (headers and body, {@code BODY.PEEK[]}). */
	static byte[] raw(Message message) throws MessagingException, IOException {
		try (InputStream in = ((IMAPMessage) message).getMimeStream()) {
			return in.readAllBytes();
		}
	}

	private String words(MailFailure failure) {
		return messages.getMessage(failure.key(), failure.args(), failure.key(), Locale.ROOT);
	}
}
