package io.rapport.channels.email.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailbox.AfterImport;
import io.rapport.channels.email.RawHeaders;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unseen mails of a poll, taken in chunks (up to 100 mails, and 64 MB by the sizes the server gives). A chunk is
 * read from the server in one fetch (one connection, so in turn), then handed to the pipeline in <em>lanes</em> that
 * run side by side: mails that share a sender or a thread (Message-ID, In-Reply-To, References) go into one lane,
 * in UID order, so a reply is never taken before the mail it answers and one customer's mails keep their order;
 * unrelated mails no longer wait for each other. While a chunk's lanes run, the next chunk is read; it is handed on
 * only when the lanes are done, so order holds across chunks too. Only after the pipeline has committed are the
 * taken mails flagged {@code \Seen} (and {@code \Deleted} for DELETE), a chunk at once; mails to move go to the move
 * folder together at the end. A mail that fails is left exactly as it was and the poll goes on; a crash before the
 * flags makes the next poll offer the mails again, which the pipeline answers as duplicates.
 */
class FolderImport {

	/** Lanes taken at once: each holds a database connection while its mail is processed. */
	static final int LANES = 4;

	/** Mails read from the server in one fetch. */
	static final int CHUNK = 100;

	/** At most this many bytes in a chunk (a single larger mail is a chunk of its own). */
	static final long READ_AHEAD_BYTES = 64L * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(FolderImport.class);

	private final Mailbox mailbox;

	private final Folder folder;

	private final MailIngest pipeline;

	FolderImport(Mailbox mailbox, Folder folder, MailIngest pipeline) {
		this.mailbox = mailbox;
		this.folder = folder;
		this.pipeline = pipeline;
	}

	/** A mail read from the server, waiting for the pipeline. */
	record Read(Message message, byte[] raw) {
	}

	/** Answers how many mails the pipeline took. */
	int run(Message[] unseen) throws MessagingException {
		List<Message> taken = new ArrayList<>(unseen.length);
		ExecutorService lanes = Executors.newFixedThreadPool(LANES);
		List<Future<List<Message>>> running = List.of();
		try {
			int from = 0;
			while (from < unseen.length) {
				int to = chunkEnd(unseen, from);
				List<Read> read = read(Arrays.copyOfRange(unseen, from, to));
				taken.addAll(settle(running));
				running = start(lanes, read);
				from = to;
			}
			taken.addAll(settle(running));
			running = List.of();
		}
		finally {
			// a poll that stopped (the connection failed) still lets the lanes finish what they committed to
			awaitQuietly(running);
			lanes.shutdown();
		}
		if (mailbox.getAfterImport() == AfterImport.MOVE && !taken.isEmpty()) {
			move(taken.toArray(Message[]::new));
		}
		return taken.size();
	}

	/** Where the chunk starting at {@code from} ends: up to CHUNK mails that fit the read-ahead (at least one). */
	private static int chunkEnd(Message[] unseen, int from) {
		int to = from;
		long bytes = 0;
		while (to < unseen.length && to - from < CHUNK
				&& (to == from || bytes + size(unseen[to]) <= READ_AHEAD_BYTES)) {
			bytes += size(unseen[to]);
			to++;
		}
		return to;
	}

	/** Starts a chunk's lanes. */
	private List<Future<List<Message>>> start(ExecutorService executor, List<Read> read) {
		List<Future<List<Message>>> running = new ArrayList<>();
		for (List<Read> lane : lanes(read)) {
			running.add(executor.submit(() -> take(lane)));
		}
		return running;
	}

	/** Waits for a chunk's lanes, then flags the mails they took; answers those. */
	private List<Message> settle(List<Future<List<Message>>> running) throws MessagingException {
		List<Message> taken = new ArrayList<>();
		try {
			for (Future<List<Message>> lane : running) {
				taken.addAll(lane.get());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new MessagingException("Interrupted while the mails were taken in", e);
		}
		catch (ExecutionException e) {
			throw new MessagingException("A lane of mails failed", e);
		}
		if (!taken.isEmpty()) {
			Message[] flagged = taken.toArray(Message[]::new);
			folder.setFlags(flagged, new Flags(Flags.Flag.SEEN), true);
			if (mailbox.getAfterImport() == AfterImport.DELETE) {
				folder.setFlags(flagged, new Flags(Flags.Flag.DELETED), true);
			}
		}
		return taken;
	}

	private static void awaitQuietly(List<Future<List<Message>>> running) {
		for (Future<List<Message>> lane : running) {
			try {
				lane.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (ExecutionException e) {
				// already logged by the lane, or an Error the poll reports
			}
		}
	}

	/** The mails' bytes, fetched together; a mail missing from that answer is read alone. */
	private List<Read> read(Message[] messages) throws MessagingException {
		long[] uids = new long[messages.length];
		Map<Long, byte[]> raws = Map.of();
		if (folder instanceof IMAPFolder imap) {
			for (int i = 0; i < messages.length; i++) {
				uids[i] = imap.getUID(messages[i]);
			}
			try {
				raws = ImapPoller.raws(imap, uids);
			}
			catch (MessagingException e) {
				if (!folder.isOpen() || !folder.getStore().isConnected()) {
					throw e;
				}
				log.warn("Mailbox {}: {} mails could not be fetched together, reading them one by one: {}",
						mailbox.getId(), messages.length, e.toString());
			}
		}
		List<Read> read = new ArrayList<>(messages.length);
		for (int i = 0; i < messages.length; i++) {
			byte[] raw = raws.get(uids[i]);
			if (raw == null) {
				raw = read(messages[i]);
			}
			if (raw != null) {
				read.add(new Read(messages[i], raw));
			}
		}
		return read;
	}

	private static long size(Message message) {
		try {
			return Math.max(0, message.getSize());
		}
		catch (MessagingException e) {
			return 0;
		}
	}

	/** The mail's bytes, or null (logged) when the server could not give them but the connection is fine. */
	private byte[] read(Message message) throws MessagingException {
		try {
			return ImapPoller.raw(message);
		}
		catch (IOException | MessagingException e) {
			if (!folder.isOpen() || !folder.getStore().isConnected()) {
				throw e instanceof MessagingException messaging ? messaging : new MessagingException(e.getMessage(), e);
			}
			log.warn("Mailbox {}: mail {} could not be read from the server: {}", mailbox.getId(),
					message.getMessageNumber(), e.toString());
			return null;
		}
	}

	/** One lane, in order: the mails the pipeline took (a mail it refused stays unseen for the next poll). */
	private List<Message> take(List<Read> lane) {
		List<Message> taken = new ArrayList<>(lane.size());
		for (Read mail : lane) {
			try {
				pipeline.ingest(mailbox.getId(), mail.raw());
				taken.add(mail.message());
			}
			catch (RuntimeException e) {
				log.warn("Mailbox {}: the pipeline did not take mail {}; it stays unseen for the next poll",
						mailbox.getId(), mail.message().getMessageNumber(), e);
			}
		}
		return taken;
	}

	/**
	 * The mails grouped into lanes: two mails share a lane when they share a sender address or a message id (one's
	 * Message-ID in the other's In-Reply-To or References, or a common reference), directly or through others.
	 * Lanes keep the mails' order, and are answered in the order of their first mail.
	 */
	static List<List<Read>> lanes(List<Read> read) {
		int[] parent = new int[read.size()];
		Map<String, Integer> owner = new HashMap<>();
		for (int i = 0; i < read.size(); i++) {
			parent[i] = i;
			for (String key : keys(read.get(i).raw())) {
				Integer other = owner.putIfAbsent(key, i);
				if (other != null) {
					parent[root(parent, i)] = root(parent, other);
				}
			}
		}
		Map<Integer, List<Read>> lanes = new LinkedHashMap<>();
		for (int i = 0; i < read.size(); i++) {
			lanes.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(read.get(i));
		}
		return new ArrayList<>(lanes.values());
	}

	private static int root(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	/** What ties a mail to others: its sender's address and every message id it names. */
	static List<String> keys(byte[] raw) {
		List<String> keys = new ArrayList<>();
		String head = RawHeaders.head(raw);
		String from = RawHeaders.field(head, "From");
		if (from != null) {
			List<String> bracketed = RawHeaders.ids(from);
			keys.add("from:" + (bracketed.isEmpty() ? from : bracketed.get(bracketed.size() - 1)).strip()
				.toLowerCase(Locale.ROOT));
		}
		for (String field : List.of("Message-ID", "In-Reply-To", "References")) {
			for (String id : RawHeaders.ids(RawHeaders.field(head, field))) {
				keys.add("id:" + id);
			}
		}
		return keys;
	}

	private void move(Message[] messages) throws MessagingException {
		Folder target = folder.getStore().getFolder(mailbox.getMoveFolder());
		if (!target.exists()) {
			target.create(Folder.HOLDS_MESSAGES);
		}
		if (folder instanceof IMAPFolder imap && ((IMAPStore) folder.getStore()).hasCapability("MOVE")) {
			imap.moveMessages(messages, target);
			return;
		}
		folder.copyMessages(messages, target);
		folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
	}
}
