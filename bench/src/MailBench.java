import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The email channel's benchmark (bench/mail.sh): the same generated mails pushed to the inbound endpoint, delivered
 * to a local IMAP server for the poller, and the same tickets created through {@code POST /api/v1/tickets} as the
 * baseline; then agent replies drained from the outbox to a local SMTP server. Mails are generated from a seed:
 * 30% answer an earlier mail of the same customer (In-Reply-To), 10% carry an attachment of 10 KB to 1 MB, and
 * the text comes in UTF-8, GB18030, Big5, ISO-8859-2, windows-1252 or Shift_JIS.
 *
 * <pre>
 * MailBench push    &lt;db&gt; &lt;baseUrl&gt; &lt;count&gt; &lt;concurrency&gt; &lt;results.tsv&gt;
 * MailBench api     &lt;db&gt; &lt;baseUrl&gt; &lt;count&gt; &lt;concurrency&gt; &lt;results.tsv&gt;
 * MailBench imap    &lt;db&gt; &lt;baseUrl&gt; &lt;jdbcUrl&gt; &lt;smtpPort&gt; &lt;imapPort&gt; &lt;count&gt; &lt;results.tsv&gt;
 * MailBench outbox  &lt;db&gt; &lt;baseUrl&gt; &lt;jdbcUrl&gt; &lt;smtpPort&gt; &lt;count&gt; &lt;results.tsv&gt;
 * MailBench deliver &lt;smtpPort&gt; &lt;address&gt; &lt;count&gt; &lt;run&gt;          (mails to a local SMTP server, nothing else)
 * MailBench mailbox &lt;baseUrl&gt; &lt;address&gt; &lt;imapPort&gt;             (an IMAP mailbox; prints its id)
 * MailBench check   &lt;jdbcUrl&gt; &lt;mailboxId&gt; &lt;count&gt;                (each mail in exactly one ticket or message)
 * </pre>
 */
public class MailBench {

	static final long SEED = 20261201L;

	/** An inbound row stored but not yet processed (the inbound pipeline's status before it knows the outcome). */
	static final String PENDING = "(status = 'RECEIVED')";

	static final String DOMAIN = "bench.example";

	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	static final Pattern SECRET = Pattern.compile("\"inboundSecret\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern OUTCOME = Pattern.compile("\"outcome\"\\s*:\\s*\"([A-Z_]+)\"");

	static final Pattern TICKET = Pattern.compile("\"ticketId\"\\s*:\\s*(\\d+)");

	static final String[][] TEXTS = {
			{ "UTF-8", "Cannot export the Gantt chart", "Hello, the export to PDF stops at 80% since the update. "
					+ "Could you have a look? Thanks." },
			{ "GB18030", "导出甘特图失败", "你好，自从更新以后，导出PDF时在百分之八十处停止。请帮忙看一下，谢谢。" },
			{ "Big5", "無法匯出甘特圖", "您好，自從更新以後，匯出PDF時在百分之八十處停止。請幫忙看一下，謝謝。" },
			{ "ISO-8859-2", "Nu pot exporta diagrama", "Bună ziua, exportul în PDF se opreşte la 80% după "
					+ "actualizare. Mulţumesc." },
			{ "windows-1252", "Export du diagramme échoué", "Bonjour, l'export en PDF s'arrête à 80 % depuis la "
					+ "mise à jour. Merci d'avance." },
			{ "Shift_JIS", "ガントチャートを書き出せません", "こんにちは。更新後、PDFへの書き出しが80%で止まります。"
					+ "確認をお願いします。" } };

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "push" -> push(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
					Path.of(args[5]));
			case "api" -> api(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
					Path.of(args[5]));
			case "imap" -> imap(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
					Integer.parseInt(args[6]), Path.of(args[7]));
			case "outbox" -> outbox(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
					Path.of(args[6]));
			case "floor" -> floor(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
					Path.of(args[5]));
			case "deliver" -> deliver(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]), args[4]);
			case "mailbox" -> System.out.println(imapMailbox(HttpClient.newHttpClient(), args[1],
					Bench.mintToken(HttpClient.newHttpClient(), args[1]), args[2], Integer.parseInt(args[3]), 10));
			case "check" -> System.exit(check(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3])) ? 0 : 1);
			default -> throw new IllegalArgumentException("Unknown mode " + args[0]);
		}
	}

	static void deliver(int smtpPort, String address, int count, String run) throws Exception {
		try (Smtp smtp = new Smtp(smtpPort)) {
			for (int i = 0; i < count; i++) {
				smtp.send("customer@" + DOMAIN, address, mail(run, i, address).raw());
			}
		}
	}

	static long imapMailbox(HttpClient client, String baseUrl, String token, String address, int imapPort,
			int pollSeconds) throws Exception {
		return first(ID, send(client, baseUrl, token, "POST", "/api/v1/mailboxes", "{\"name\":\"Bench IMAP " + address
				+ "\",\"address\":\"" + address + "\",\"group\":\"tier1\",\"imap\":{\"host\":\"127.0.0.1\",\"port\":"
				+ imapPort + ",\"security\":\"NONE\",\"username\":\"" + address + "\",\"password\":\"" + address
				+ "\",\"folder\":\"INBOX\",\"pollSeconds\":" + pollSeconds + "}}", 201));
	}

	/**
	 * After a kill -9 and a restart: every delivered mail was taken in once (one inbound row per Message-ID, none
	 * left unprocessed) and became exactly one ticket or one message (no Message-ID stored twice).
	 */
	static boolean check(String jdbcUrl, long mailbox, int count) throws Exception {
		long rows = count(jdbcUrl, "select count(*) from inbound_mails where mailbox_id = " + mailbox);
		long pending = count(jdbcUrl, "select count(*) from inbound_mails where mailbox_id = " + mailbox
				+ " and " + PENDING);
		long messages = count(jdbcUrl, "select count(*) from messages where source = 'email:" + mailbox + "'");
		long distinct = count(jdbcUrl, "select count(distinct external_id) from messages where source = 'email:"
				+ mailbox + "'");
		System.out.printf("inbound rows %d (pending %d), messages %d (distinct Message-IDs %d), mails sent %d%n",
				rows, pending, messages, distinct, count);
		return rows == count && pending == 0 && messages == count && distinct == count;
	}

	// ---- the mails ----

	/** One generated mail: its bytes, its sender and the index of the mail it answers (-1 for a new request). */
	record Mail(int index, int customer, int answers, byte[] raw, String subject, String text) {

		String messageId(String run) {
			return messageIdOf(run, index);
		}
	}

	static String messageIdOf(String run, int index) {
		return "bench-" + run + "-" + index + "@" + DOMAIN;
	}

	/**
	 * The i-th mail of a run. A reply answers mail {@code i - 1 - (r mod 50)} when that mail is a new request, from
	 * the same customer, so it threads by In-Reply-To (a received Message-ID from a participant).
	 */
	static Mail mail(String run, int i, String to) {
		Random random = new Random(SEED * 31 + i);
		boolean reply = i >= 100 && random.nextInt(100) < 30;
		int answers = -1;
		int customer = random.nextInt(2_000);
		if (reply) {
			int target = i - 1 - random.nextInt(50);
			Random original = new Random(SEED * 31 + target);
			boolean targetIsReply = target >= 100 && original.nextInt(100) < 30;
			if (!targetIsReply) {
				answers = target;
				customer = original.nextInt(2_000);
			}
		}
		String[] text = TEXTS[random.nextInt(TEXTS.length)];
		Charset charset = Charset.forName(text[0]);
		int attachment = random.nextInt(100) < 10 ? 10_240 + random.nextInt(1_048_576 - 10_240) : 0;
		StringBuilder headers = new StringBuilder();
		String subject = (answers >= 0 ? "Re: " : "") + text[1] + " (" + i + ")";
		headers.append("From: Customer ").append(customer).append(" <customer").append(customer).append('@')
			.append(DOMAIN).append(">\r\n");
		headers.append("To: ").append(to).append("\r\n");
		headers.append("Subject: =?UTF-8?B?")
			.append(Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))).append("?=\r\n");
		headers.append("Date: Tue, 1 Dec 2026 12:00:00 +0000\r\n");
		headers.append("Message-ID: <").append(messageIdOf(run, i)).append(">\r\n");
		if (answers >= 0) {
			headers.append("In-Reply-To: <").append(messageIdOf(run, answers)).append(">\r\n");
			headers.append("References: <").append(messageIdOf(run, answers)).append(">\r\n");
		}
		headers.append("MIME-Version: 1.0\r\n");
		String body = text[2] + "\r\n\r\n-- \r\nCustomer " + customer + "\r\n";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (attachment == 0) {
			headers.append("Content-Type: text/plain; charset=").append(text[0]).append("\r\n");
			headers.append("Content-Transfer-Encoding: base64\r\n\r\n");
			out.writeBytes(headers.toString().getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(Base64.getMimeEncoder().encode(body.getBytes(charset)));
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		else {
			String boundary = "b-" + i;
			headers.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
			out.writeBytes(headers.toString().getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(("--" + boundary + "\r\nContent-Type: text/plain; charset=" + text[0]
					+ "\r\nContent-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(Base64.getMimeEncoder().encode(body.getBytes(charset)));
			byte[] file = new byte[attachment];
			random.nextBytes(file);
			out.writeBytes(("\r\n--" + boundary + "\r\nContent-Type: application/pdf; name=\"export-" + i
					+ ".pdf\"\r\nContent-Disposition: attachment; filename=\"export-" + i
					+ ".pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(Base64.getMimeEncoder().encode(file));
			out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		}
		return new Mail(i, customer, answers, out.toByteArray(), subject, text[2]);
	}

	// ---- push: the inbound endpoint at a fixed concurrency, every mail once ----

	static void push(String db, String baseUrl, int count, int concurrency, Path out) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String token = Bench.mintToken(client, baseUrl);
		String run = Long.toString(System.currentTimeMillis(), 36);
		String address = "push-" + run + "@rapport.bench.example";
		String created = send(client, baseUrl, token, "POST", "/api/v1/mailboxes", "{\"name\":\"Bench push " + run
				+ "\",\"address\":\"" + address + "\",\"group\":\"tier1\"}", 201);
		long mailbox = first(ID, created);
		String secret = firstString(SECRET, created);
		// Warm-up on mails of another run, so the JIT has compiled the pipeline before it is measured.
		String warmRun = run + "w";
		drive(warmup(count), concurrency, i -> pushOne(client, baseUrl, mailbox, secret,
				mail(warmRun, i, address).raw()));
		ConcurrentHashMap<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		long cpuBefore = Bench.serverCpuNanos();
		long databaseBefore = Bench.postgresCpuNanos();
		Bench.Result r = drive(count, concurrency, i -> {
			String answer = pushOne(client, baseUrl, mailbox, secret, mail(run, i, address).raw());
			outcomes.computeIfAbsent(firstString(OUTCOME, answer), k -> new AtomicInteger()).incrementAndGet();
		});
		long cpuAfter = Bench.serverCpuNanos();
		Bench.record(out, db, 1, "mail push", cpuBefore < 0 ? r : r.withServerCpu(cpuAfter - cpuBefore));
		System.out.println("[" + db + "] outcomes: " + outcomes);
		databaseCpu(db, "mail push", databaseBefore, count);
	}

	/** Mails (or tickets) sent before measuring, so the JIT has compiled the path: WARMUP, default 1,000. */
	static int warmup(int count) {
		return Math.min(count, Integer.parseInt(Bench.env("WARMUP", "1000")));
	}

	static String pushOne(HttpClient client, String baseUrl, long mailbox, String secret, byte[] raw)
			throws Exception {
		HttpResponse<String> response = client.send(HttpRequest
			.newBuilder(URI.create(baseUrl + "/api/v1/mailboxes/" + mailbox + "/inbound"))
			.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + secret)
			.header("Content-Type", "message/rfc822").POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 202) {
			throw new IllegalStateException("push answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	// ---- floor: what PostgreSQL alone spends on a pushed mail, written by pgbench (no application running) ----

	static final String FLOOR_STORE_SCRIPT = "bench/pgbench-push-floor-store.sql";

	/**
	 * Two pgbench runs at the push's concurrency, each timed and with PostgreSQL's CPU counted: storing the push
	 * scenario's own mails, raw and their decoded files ({@code bench/pgbench-push-floor-store.sql}), and creating a
	 * ticket with every statement the application sends for one ({@code bench/pgbench-create-floor.sql}, issue 5's
	 * floor). A pushed mail that opens a ticket costs PostgreSQL at least the sum: the bound on mails per second that
	 * PostgreSQL alone sets, with the whole machine to itself. Runs after "push", whose mails it copies.
	 */
	static void floor(String db, String jdbcUrl, int concurrency, int seconds, Path out) throws Exception {
		exec(jdbcUrl, "drop table if exists bench_raw, bench_files, floor_inbound, floor_files; "
				+ "drop sequence if exists floor_files_seq; "
				+ "create table bench_raw (n bigint primary key, raw bytea not null, ticket_message_id bigint); "
				+ "alter table bench_raw alter column raw set storage external; "
				+ "insert into bench_raw select row_number() over (order by id), raw, ticket_message_id "
				+ "from inbound_mails where raw is not null and status = 'DONE'; "
				+ "create table bench_files (n bigint not null, data bytea not null); "
				+ "alter table bench_files alter column data set storage external; "
				+ "insert into bench_files select m.n, c.data from bench_raw m "
				+ "join attachments a on a.message_id = m.ticket_message_id "
				+ "join attachment_contents c on c.attachment_id = a.id; "
				+ "create index on bench_files (n); "
				+ "create table floor_inbound (like inbound_mails including all); "
				+ "create table floor_files (like attachment_contents including all); "
				+ "create sequence floor_files_seq; analyze bench_raw; analyze bench_files; checkpoint");
		long mails = count(jdbcUrl, "select count(*) from bench_raw");
		System.out.printf("[%s] floor: %d mails of the push, %d files%n", db, mails,
				count(jdbcUrl, "select count(*) from bench_files"));
		double store = floorRun(db, jdbcUrl, concurrency, seconds, out, "pgbench floor: store the pushed mails",
				FLOOR_STORE_SCRIPT, "mails=" + mails);
		double create = floorRun(db, jdbcUrl, concurrency, seconds, out, "pgbench floor: create a ticket",
				Bench.FLOOR_SCRIPT);
		int cores = Runtime.getRuntime().availableProcessors();
		System.out.printf("[%s] floor per pushed mail that opens a ticket: PostgreSQL CPU %.2f + %.2f = %.2f ms, "
				+ "so at most %.0f mails/s on %d cores with nothing else running%n", db, store, create, store + create,
				cores * 1000 / (store + create), cores);
		exec(jdbcUrl, "drop table bench_raw, bench_files, floor_inbound, floor_files; drop sequence floor_files_seq");
	}

	/** One pgbench run, recorded; answers PostgreSQL's CPU per transaction in milliseconds. */
	static double floorRun(String db, String jdbcUrl, int concurrency, int seconds, Path out, String scenario,
			String script, String... defines) throws Exception {
		long before = Bench.postgresCpuNanos();
		Bench.Result r = Bench.pgbench(jdbcUrl, concurrency, seconds, out.getParent(), script, defines);
		double perTransaction = (Bench.postgresCpuNanos() - before) / 1e6 / r.count();
		Bench.record(out, db, 1, scenario, r);
		System.out.printf("[%s] %s: %.1f/s, p50 %.2f ms, p99 %.2f ms, PostgreSQL CPU %.2f ms each%n", db, scenario,
				r.perSecond(), r.p50(), r.p99(), perTransaction);
		return perTransaction;
	}

	// ---- api: the same tickets through POST /api/v1/tickets (new requests) and replies (answers) ----

	static void api(String db, String baseUrl, int count, int concurrency, Path out) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String token = Bench.mintToken(client, baseUrl);
		String run = Long.toString(System.currentTimeMillis(), 36);
		long[] tickets = new long[count];
		drive(warmup(count), concurrency, i -> apiOne(client, baseUrl, token, mail(run + "w", i, "x@y"),
				new long[warmup(count)]));
		long cpuBefore = Bench.serverCpuNanos();
		long databaseBefore = Bench.postgresCpuNanos();
		Bench.Result r = drive(count, concurrency, i -> apiOne(client, baseUrl, token, mail(run, i, "x@y"), tickets));
		long cpuAfter = Bench.serverCpuNanos();
		Bench.record(out, db, 1, "same via API", cpuBefore < 0 ? r : r.withServerCpu(cpuAfter - cpuBefore));
		databaseCpu(db, "same via API", databaseBefore, count);
	}

	/**
	 * PostgreSQL's CPU per mail over a scenario (all its processes; the listeners' work that is still running when
	 * the last answer arrives is not counted, as for the server's CPU).
	 */
	static void databaseCpu(String db, String scenario, long before, int count) {
		long after = Bench.postgresCpuNanos();
		if (before >= 0 && after >= 0) {
			System.out.printf("[%s] %s: PostgreSQL CPU %.2f ms per mail%n", db, scenario, (after - before) / 1e6 / count);
		}
	}

	static void apiOne(HttpClient client, String baseUrl, String token, Mail mail, long[] tickets) throws Exception {
		String requester = "customer" + mail.customer() + "@" + DOMAIN;
		long answered = mail.answers() >= 0 ? tickets[mail.answers()] : 0;
		if (answered > 0) {
			send(client, baseUrl, token, "POST", "/api/v1/tickets/" + answered + "/messages", "{\"body\":"
					+ Bench.quote(mail.text()) + ",\"visibility\":\"PUBLIC\"}", 201);
			return;
		}
		String body = send(client, baseUrl, token, "POST", "/api/v1/tickets", "{\"subject\":" + Bench.quote(mail
			.subject()) + ",\"description\":" + Bench.quote(mail.text()) + ",\"requester\":{\"email\":\"" + requester
				+ "\",\"name\":\"Customer " + mail.customer() + "\"},\"channel\":\"EMAIL\"}", 201);
		tickets[mail.index()] = first(ID, body);
	}

	// ---- imap: mails delivered to a local IMAP server, polled by the mailbox ----

	/**
	 * GreenMail's IMAP server spends time in proportion to the folder's size on every command (it lists every
	 * message's UID to find one), so with 10,000 mails in one folder it is the bottleneck, not Rapport. The mails are
	 * therefore delivered in waves of IMAP_WAVE (default 500); the mailbox deletes what it imported, and each wave is
	 * taken in by one "check mail now" (POST /api/v1/mailboxes/{id}/poll, which answers when the poll is done). Only
	 * the polls are timed, and the server's CPU is counted over them.
	 */
	static void imap(String db, String baseUrl, String jdbcUrl, int smtpPort, int imapPort, int count, Path out)
			throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String token = Bench.mintToken(client, baseUrl);
		String run = Long.toString(System.currentTimeMillis(), 36);
		String address = "imap-" + run + "@bench.example";
		int wave = Integer.parseInt(Bench.env("IMAP_WAVE", "500"));
		// a long interval: the scheduler polls the new mailbox once (nothing there yet), then only the bench does
		String created = send(client, baseUrl, token, "POST", "/api/v1/mailboxes", "{\"name\":\"Bench IMAP " + run
				+ "\",\"address\":\"" + address + "\",\"group\":\"tier1\",\"imap\":{\"host\":\"127.0.0.1\",\"port\":"
				+ imapPort + ",\"security\":\"NONE\",\"username\":\"" + address + "\",\"password\":\"" + address
				+ "\",\"folder\":\"INBOX\",\"pollSeconds\":86400,\"afterImport\":\"DELETE\"}}", 201);
		long mailbox = first(ID, created);
		waitForCount(jdbcUrl, "select count(*) from mailboxes where id = " + mailbox + " and last_polled_at is not null",
				1, 60);
		double seconds = 0;
		long cpu = 0;
		double delivering = 0;
		try (Smtp smtp = new Smtp(smtpPort)) {
			for (int from = 0; from < count; from += wave) {
				long d0 = System.nanoTime();
				for (int i = from; i < Math.min(count, from + wave); i++) {
					smtp.send("customer@" + DOMAIN, address, mail(run, i, address).raw());
				}
				delivering += (System.nanoTime() - d0) / 1e9;
				long cpuBefore = Bench.serverCpuNanos();
				long t0 = System.nanoTime();
				send(client, baseUrl, token, "POST", "/api/v1/mailboxes/" + mailbox + "/poll", "{}", 200);
				seconds += (System.nanoTime() - t0) / 1e9;
				cpu += Bench.serverCpuNanos() - cpuBefore;
			}
		}
		long done = count(jdbcUrl, "select count(*) from inbound_mails where mailbox_id = " + mailbox + " and not "
				+ PENDING);
		System.out.printf("[%s] %d mails delivered to the IMAP server in waves of %d (%.1f s of delivery, untimed); "
				+ "%d taken in by the polls%n", db, count, wave, delivering, done);
		Bench.Result r = new Bench.Result(done, count - done, seconds, done / seconds, Double.NaN, Double.NaN,
				Double.NaN, Double.NaN);
		Bench.record(out, db, 1, "mail IMAP", Bench.serverCpuNanos() < 0 ? r : r.withServerCpu(cpu));
	}

	// ---- outbox: agent replies mailed to a local SMTP server ----

	static void outbox(String db, String baseUrl, String jdbcUrl, int smtpPort, int count, Path out)
			throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String token = Bench.mintToken(client, baseUrl);
		String run = Long.toString(System.currentTimeMillis(), 36);
		String address = "out-" + run + "@bench.example";
		long mailbox = first(ID, send(client, baseUrl, token, "POST", "/api/v1/mailboxes", "{\"name\":\"Bench outbox "
				+ run + "\",\"address\":\"" + address + "\",\"group\":\"tier1\",\"default\":true,"
				+ "\"smtp\":{\"host\":\"127.0.0.1\",\"port\":" + smtpPort + ",\"security\":\"NONE\"}}", 201));
		// 200 tickets through the API, each answered once by an agent: the reply mails go out through the default
		// mailbox (these tickets came through the API, not a mailbox), this one, and warm the sender up
		int tickets = 200;
		drive(tickets, 8, i -> {
			long ticket = first(ID, send(client, baseUrl, token, "POST", "/api/v1/tickets", "{\"subject\":\"Outbox "
					+ i + "\",\"description\":\"Question " + i + "\",\"requester\":{\"email\":\"reader" + i + "@"
					+ DOMAIN + "\"},\"channel\":\"EMAIL\"}", 201));
			send(client, baseUrl, token, "POST", "/api/v1/tickets/" + ticket + "/messages", "{\"body\":\"Answer " + i
					+ "\",\"visibility\":\"PUBLIC\"}", 201);
		});
		String sentHere = "select count(*) from outbound_mails where mailbox_id = " + mailbox + " and status = 'SENT'";
		long warm = waitForCount(jdbcUrl, sentHere, tickets, 300);
		// Then a backlog of `count` replies, copies of those real ones (each its own Message-ID), queued for later and
		// made due at once: the clock measures the outbox draining it, not the API queueing it.
		exec(jdbcUrl, "insert into outbound_mails (id, mailbox_id, kind, dedup_key, ticket_id, ticket_message_id, "
				+ "to_addresses, cc_addresses, from_name, subject, body_text, body_html, header_message_id, in_reply_to, "
				+ "references_ids, reply_to, thread_index, auto_submitted, attachment_ids, status, attempts, "
				+ "next_attempt_at, created_at) select nextval('outbound_mails_seq'), mailbox_id, kind, null, ticket_id, "
				+ "ticket_message_id, to_addresses, cc_addresses, from_name, subject, body_text, body_html, "
				+ "replace(header_message_id, '@', '.' || g || '@'), in_reply_to, references_ids, reply_to, thread_index, "
				+ "auto_submitted, attachment_ids, 'QUEUED', 0, now() + interval '1 day', now() from outbound_mails, "
				+ "generate_series(1, " + (count / tickets) + ") g where mailbox_id = " + mailbox + " and status = 'SENT'");
		long backlog = count(jdbcUrl, "select count(*) from outbound_mails where mailbox_id = " + mailbox
				+ " and status = 'QUEUED'");
		long cpuBefore = Bench.serverCpuNanos();
		long t0 = System.nanoTime();
		exec(jdbcUrl, "update outbound_mails set next_attempt_at = now() where mailbox_id = " + mailbox
				+ " and status = 'QUEUED'");
		long sent = waitForCount(jdbcUrl, "select count(*) - " + warm + " from outbound_mails where mailbox_id = "
				+ mailbox + " and status = 'SENT'", backlog, 1_800);
		double seconds = (System.nanoTime() - t0) / 1e9;
		long cpuAfter = Bench.serverCpuNanos();
		Bench.Result r = new Bench.Result(sent, backlog - sent, seconds, sent / seconds, Double.NaN, Double.NaN,
				Double.NaN, Double.NaN);
		Bench.record(out, db, 1, "mail outbox", cpuBefore < 0 ? r : r.withServerCpu(cpuAfter - cpuBefore));
	}

	// ---- plumbing ----

	interface Job {
		void run(int index) throws Exception;
	}

	/** Runs jobs 0..count-1 on {@code concurrency} threads, each taking the next index; latencies per job. */
	static Bench.Result drive(int count, int concurrency, Job job) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		long[] latencies = new long[count];
		AtomicInteger errors = new AtomicInteger();
		Thread[] workers = new Thread[concurrency];
		long start = System.nanoTime();
		for (int w = 0; w < concurrency; w++) {
			workers[w] = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					long t0 = System.nanoTime();
					try {
						job.run(i);
						latencies[i] = System.nanoTime() - t0;
					}
					catch (Exception e) {
						latencies[i] = -1;
						if (errors.incrementAndGet() <= 3) {
							System.err.println("error: " + e.getMessage());
						}
					}
				}
			});
			workers[w].start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
		return new Bench.Result(ok.length, errors.get(), elapsed, ok.length / elapsed, Bench.pct(ok, 50),
				Bench.pct(ok, 95), Bench.pct(ok, 99), Double.NaN);
	}

	static long waitForCount(String jdbcUrl, String sql, long target, int maxSeconds) throws Exception {
		long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
		long seen = 0;
		while (System.nanoTime() < deadline) {
			seen = count(jdbcUrl, sql);
			if (seen >= target) {
				return seen;
			}
			Thread.sleep(200);
		}
		return seen;
	}

	static void exec(String jdbcUrl, String sql) throws Exception {
		try (Connection c = Bench.connect(jdbcUrl); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	static long count(String jdbcUrl, String sql) throws Exception {
		try (Connection c = Bench.connect(jdbcUrl); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static String send(HttpClient client, String baseUrl, String token, String method, String path, String json,
			int expected) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
			.header("Accept", "application/json").header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body();
	}

	static long first(Pattern pattern, String body) {
		return Long.parseLong(firstString(pattern, body));
	}

	static String firstString(Pattern pattern, String body) {
		Matcher m = pattern.matcher(body);
		if (!m.find()) {
			throw new IllegalStateException("Not found (" + pattern + ") in " + body);
		}
		return m.group(1);
	}

	/** A minimal SMTP client (one connection, many mails), so the generator needs nothing but the JDK. */
	static final class Smtp implements AutoCloseable {

		private final Socket socket;

		private final BufferedReader in;

		private final OutputStream out;

		Smtp(int port) throws IOException {
			socket = new Socket("127.0.0.1", port);
			socket.setTcpNoDelay(true);
			in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
			expect("220");
			command("EHLO bench.example", "250");
		}

		void send(String from, String to, byte[] raw) throws IOException {
			command("MAIL FROM:<" + from + ">", "250");
			command("RCPT TO:<" + to + ">", "250");
			command("DATA", "354");
			List<byte[]> lines = new ArrayList<>();
			int start = 0;
			for (int i = 0; i < raw.length; i++) {
				if (raw[i] == '\n') {
					lines.add(Arrays.copyOfRange(raw, start, i + 1));
					start = i + 1;
				}
			}
			if (start < raw.length) {
				lines.add(Arrays.copyOfRange(raw, start, raw.length));
			}
			for (byte[] line : lines) {
				if (line.length > 0 && line[0] == '.') {
					out.write('.');
				}
				out.write(line);
			}
			command("\r\n.", "250");
		}

		private void command(String line, String code) throws IOException {
			out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			expect(code);
		}

		private void expect(String code) throws IOException {
			String line;
			do {
				line = in.readLine();
				if (line == null || !line.startsWith(code)) {
					throw new IOException("SMTP expected " + code + " but got " + line);
				}
			}
			while (line.length() > 3 && line.charAt(3) == '-');
		}

		@Override
		public void close() throws IOException {
			command("QUIT", "221");
			socket.close();
		}
	}
}
