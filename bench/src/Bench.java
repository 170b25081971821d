import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rapport's load generator: closed-loop workers (one request in flight each) for a fixed time, latencies kept per
 * request. Needs only the JDK and, for the raw-JDBC baseline, the JDBC driver on the class path. Run by run.sh;
 * every mode appends tab-separated rows to a results file, and {@code report} turns them into a markdown table of
 * medians.
 *
 * <pre>
 * java Bench.java http   &lt;db&gt; &lt;baseUrl&gt; &lt;jdbcUrl|-&gt; &lt;rounds&gt; &lt;seconds&gt; &lt;concurrency&gt; &lt;results.tsv&gt;
 * java Bench.java jdbc   &lt;db&gt; &lt;jdbcUrl&gt; &lt;rounds&gt; &lt;seconds&gt; &lt;concurrency&gt; &lt;results.tsv&gt;
 * java Bench.java report &lt;results.tsv&gt;
 * java Bench.java wait   &lt;baseUrl&gt; &lt;seconds&gt;
 * java Bench.java profile &lt;baseUrl&gt; &lt;seconds&gt; &lt;concurrency&gt;   (ticket creation only, for a profiler)
 * </pre>
 */
public class Bench {

	static final int CUSTOMERS = 2_000;

	static final String DESCRIPTION = "Hello,\n\nthe printer on the third floor jams on every second page since this "
			+ "morning. We restarted it twice and cleaned the rollers; it still fails.\n\nThanks, a customer";

	static final String DESCRIPTION_HTML = "<p>Hello,</p><p>the printer on the third floor jams on every second page "
			+ "since this morning. We restarted it twice and cleaned the rollers; it still fails.</p>"
			+ "<p>Thanks, a customer</p>";

	static final List<String> TAGS = List.of("printer", "floor-3");

	static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "http" -> http(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
					Integer.parseInt(args[6]), Path.of(args[7]));
			case "jdbc" -> {
				System.out.printf("[%s] raw JDBC warm-up %d s%n", args[1], Integer.parseInt(args[4]));
				jdbc(args[2], Integer.parseInt(args[5]), Integer.parseInt(args[4]));
				for (int round = 1; round <= Integer.parseInt(args[3]); round++) {
					Result r = jdbc(args[2], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
					record(Path.of(args[6]), args[1], round, "raw JDBC create", r);
				}
			}
			case "report" -> report(Path.of(args[1]));
			case "profile" -> profile(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
					args.length > 4 ? args[4] : "create");
			case "wait" -> waitUntilReady(args[1], Integer.parseInt(args[2]));
			case "token" -> System.out.println(mintToken(HttpClient.newHttpClient(), args[1]));
			default -> throw new IllegalArgumentException("Unknown mode " + args[0]);
		}
	}

	// ---- HTTP scenarios ----

	static void http(String db, String baseUrl, String jdbcUrl, int rounds, int seconds, int concurrency, Path out)
			throws Exception {
		if (!URI.create(baseUrl).getHost().equals("127.0.0.1")) {
			throw new IllegalArgumentException("Only 127.0.0.1 targets: " + baseUrl);
		}
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		Api api = new Api(client, baseUrl, mintToken(client, baseUrl));
		boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
		Instant runStart = postgres ? databaseNow(jdbcUrl) : null;
		IdList ids = new IdList();
		// The JIT needs this long before round 1: on 2 busy cores C2 still took a third of the server's CPU after
		// 30 s of creates (2026-12-01), so the creates run for at least a minute.
		int createWarmUp = Integer.parseInt(env("WARMUP_SECONDS", String.valueOf(Math.max(60, 2 * seconds))));
		System.out.printf("[%s] warm-up %d s%n", db, createWarmUp + 3 * (seconds / 2));
		run(concurrency, createWarmUp, () -> ids.add(api.create()));
		run(concurrency, seconds / 2, () -> api.reply(ids.next()));
		run(concurrency, seconds / 2, () -> api.read(ids.random()));
		run(concurrency, seconds / 2, api::list);
		if (!"-".equals(jdbcUrl)) {
			jdbc(jdbcUrl, concurrency, seconds / 2);
			if (pgbenchEnabled()) {
				pgbench(jdbcUrl, concurrency, seconds / 2, out.getParent(), CREATE_SCRIPT);
			}
		}
		long cpuBefore = cpuNanos();
		long wallBefore = System.nanoTime();
		for (int round = 1; round <= rounds; round++) {
			if (postgres) {
				eventsHandled(jdbcUrl, runStart, db); // the earlier scenarios' events first
			}
			Instant start = postgres ? databaseNow(jdbcUrl) : null;
			long startNanos = System.nanoTime();
			Result created = measured(concurrency, seconds, () -> ids.add(api.create()));
			record(out, db, round, "create ticket", created);
			if (postgres) {
				eventsHandled(jdbcUrl, start, db);
				double total = (System.nanoTime() - startNanos) / 1e9;
				record(out, db, round, CREATE_HANDLED, new Result(created.count(), created.errors(), total,
						created.count() / total, created.p50(), created.p95(), created.p99(), Double.NaN));
			}
			if (!"-".equals(jdbcUrl)) {
				record(out, db, round, "raw JDBC create", jdbc(jdbcUrl, concurrency, seconds));
				if (pgbenchEnabled()) {
					record(out, db, round, "pgbench create", pgbench(jdbcUrl, concurrency, seconds, out.getParent(),
							CREATE_SCRIPT));
					if (floorEnabled()) {
						record(out, db, round, FLOOR, pgbench(jdbcUrl, concurrency, seconds, out.getParent(),
								FLOOR_SCRIPT));
						record(out, db, round, FLOOR_ONE, pgbench(jdbcUrl, concurrency, seconds, out.getParent(),
								FLOOR_ONE_SCRIPT));
					}
				}
			}
			record(out, db, round, "add reply", measured(concurrency, seconds, () -> api.reply(ids.next())));
			record(out, db, round, "read ticket", measured(concurrency, seconds, () -> api.read(ids.random())));
			record(out, db, round, "list tier1 queue", measured(concurrency, seconds, api::list));
		}
		System.out.printf("[%s] load generator used %.0f%% of one core (its own CPU time over wall time)%n", db,
				100.0 * (cpuNanos() - cpuBefore) / (System.nanoTime() - wallBefore));
	}

	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * One scenario for a profiler attached to the server: {@code create} (ticket creation), {@code reply} (public
	 * agent replies to tickets it creates first, 200 of them) or {@code list} (the first page of Tier 1's new
	 * tickets, as in the load test, after creating 2,000 more).
	 */
	static void profile(String baseUrl, int seconds, int concurrency, String scenario) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		// A token minted beforehand (BENCH_TOKEN) keeps the minting's bcrypt out of a recording of this run.
		String token = System.getenv("BENCH_TOKEN");
		Api api = new Api(client, baseUrl, token != null && !token.isBlank() ? token : mintToken(client, baseUrl));
		Result r;
		if ("reply".equals(scenario)) {
			IdList ids = new IdList();
			for (int i = 0; i < 200; i++) {
				ids.add(api.create());
			}
			r = measured(concurrency, seconds, () -> api.reply(ids.next()));
		}
		else if ("list".equals(scenario)) {
			for (int i = 0; i < 2_000; i++) {
				api.create();
			}
			r = measured(concurrency, seconds, api::list);
		}
		else {
			r = measured(concurrency, seconds, api::create);
		}
		System.out.printf("%s %.1f/s p50 %.2f p99 %.2f ms, server CPU %.2f ms per request (%d requests, %d errors)%n",
				scenario, r.perSecond(), r.p50(), r.p99(), r.serverCpuMs(), r.count(), r.errors());
	}

	/** Polls the readiness probe until it answers 200, for at most the given seconds. */
	static void waitUntilReady(String baseUrl, int seconds) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < deadline) {
			try {
				if (client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(baseUrl + " was not ready within " + seconds + " s");
	}

	static String mintToken(HttpClient client, String baseUrl) throws Exception {
		String basic = Base64.getEncoder().encodeToString(
				(env("RAPPORT_ADMIN_EMAIL", "admin@localhost") + ":" + env("RAPPORT_ADMIN_PASSWORD", "admin-password-1"))
					.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/me/tokens"))
			.header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher m = TOKEN.matcher(response.body());
		if (response.statusCode() != 201 || !m.find()) {
			throw new IllegalStateException("Could not mint a token: " + response.statusCode() + " " + response.body());
		}
		return m.group(1);
	}

	/**
	 * The API as the load test calls it. Requests go through {@link LeanHttp} unless {@code BENCH_CLIENT=jdk} asks
	 * for the JDK's {@code HttpClient}, which cost 1.3 ms of the machine's CPU per ticket creation on 2026-12-03
	 * (0.45 of the two cores the server and PostgreSQL share with it) against pgbench's client written in C.
	 */
	record Api(HttpClient client, String baseUrl, String token, LeanHttp lean) {

		Api(HttpClient client, String baseUrl, String token) {
			this(client, baseUrl, token, "jdk".equals(env("BENCH_CLIENT", "lean")) ? null : new LeanHttp(baseUrl));
		}

		long create() throws Exception {
			int customer = ThreadLocalRandom.current().nextInt(CUSTOMERS);
			String json = "{\"subject\":\"Printer jams on floor 3\",\"description\":" + quote(DESCRIPTION)
					+ ",\"requester\":{\"email\":\"customer" + customer + "@example.com\",\"name\":\"Customer "
					+ customer + "\"},\"type\":\"INCIDENT\",\"priority\":\"NORMAL\",\"channel\":\"API\","
					+ "\"tags\":[\"printer\",\"floor-3\"]}";
			String body = send("POST", "/api/v1/tickets", json, 201);
			Matcher m = FIRST_ID.matcher(body);
			if (!m.find()) {
				throw new IllegalStateException("No id in " + body);
			}
			return Long.parseLong(m.group(1));
		}

		void reply(long ticketId) throws Exception {
			send("POST", "/api/v1/tickets/" + ticketId + "/messages",
					"{\"body\":\"Thanks for the report. A technician will look at the printer today.\","
							+ "\"visibility\":\"PUBLIC\"}", 201);
		}

		void read(long ticketId) throws Exception {
			send("GET", "/api/v1/tickets/" + ticketId, null, 200);
		}

		void list() throws Exception {
			send("GET", "/api/v1/tickets?group=tier1&status=NEW&page=0&size=25", null, 200);
		}

		private String send(String method, String path, String json, int expected) throws Exception {
			if (lean != null) {
				LeanHttp.Response response = lean.send(method, path, token, json);
				if (response.status() != expected) {
					throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": "
							+ response.body());
				}
				return response.body();
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
				.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
				.header("Accept", "application/json");
			if (json != null) {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json));
			}
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
						+ response.body());
			}
			return response.body();
		}
	}

	/**
	 * A lean HTTP/1.1 client for the load test: blocking keep-alive connections to one host, kept in a pool (a worker
	 * takes one for a request and gives it back), the request written as one buffer, the answer read by its
	 * Content-Length or chunks. Only what Rapport's API answers is understood; a connection the server closes is
	 * opened again, and a request is never sent twice.
	 */
	static final class LeanHttp {

		record Response(int status, String body) {
		}

		private final String host;

		private final int port;

		/** Links idle longer are not reused: the server may have timed them out (Tomcat waits 60 s by default). */
		private static final long IDLE_NANOS = 10_000_000_000L;

		private final BlockingQueue<Link> idle = new ArrayBlockingQueue<>(1024);

		LeanHttp(String baseUrl) {
			URI uri = URI.create(baseUrl);
			this.host = uri.getHost();
			this.port = uri.getPort();
		}

		Response send(String method, String path, String token, String json) throws IOException {
			byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
			StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
				.append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
				.append("\r\nAuthorization: Bearer ").append(token).append("\r\nAccept: application/json\r\n");
			if (json != null) {
				head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
			}
			byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
			byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
			System.arraycopy(body, 0, request, headBytes.length, body.length);
			Link link = idle.poll();
			if (link != null && System.nanoTime() - link.lastUsed > IDLE_NANOS) {
				link.close();
				link = null;
			}
			if (link == null) {
				link = new Link(new java.net.Socket(host, port));
			}
			boolean keep = false;
			try {
				Response response = link.exchange(request);
				keep = link.keepAlive;
				return response;
			}
			finally {
				if (keep) {
					idle.offer(link);
				}
				else {
					link.close();
				}
			}
		}

		private static final class Link {

			final java.net.Socket socket;

			final java.io.OutputStream out;

			final java.io.InputStream in;

			boolean keepAlive;

			long lastUsed;

			Link(java.net.Socket socket) throws IOException {
				this.socket = socket;
				socket.setTcpNoDelay(true);
				this.out = socket.getOutputStream();
				this.in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
			}

			Response exchange(byte[] request) throws IOException {
				out.write(request);
				out.flush();
				String status = line();
				if (status == null || !status.startsWith("HTTP/1.1 ")) {
					throw new IOException("No HTTP answer: " + status);
				}
				int code = Integer.parseInt(status.substring(9, 12));
				long length = -1;
				boolean chunked = false;
				keepAlive = true;
				for (String header = line(); header != null && !header.isEmpty(); header = line()) {
					int colon = header.indexOf(':');
					String name = header.substring(0, colon).trim();
					String value = header.substring(colon + 1).trim();
					if (name.equalsIgnoreCase("Content-Length")) {
						length = Long.parseLong(value);
					}
					else if (name.equalsIgnoreCase("Transfer-Encoding")) {
						chunked = value.equalsIgnoreCase("chunked");
					}
					else if (name.equalsIgnoreCase("Connection")) {
						keepAlive = !value.equalsIgnoreCase("close");
					}
				}
				java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
				if (chunked) {
					for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
							size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
						content.write(in.readNBytes(size));
						line();
					}
					for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
						// trailers: none expected
					}
				}
				else if (length >= 0) {
					content.write(in.readNBytes((int) length));
				}
				else {
					content.write(in.readAllBytes());
					keepAlive = false;
				}
				lastUsed = System.nanoTime();
				return new Response(code, content.toString(StandardCharsets.UTF_8));
			}

			private String line() throws IOException {
				StringBuilder line = new StringBuilder(64);
				for (int c = in.read(); c != -1; c = in.read()) {
					if (c == '\n') {
						int end = line.length();
						return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
					}
					line.append((char) c);
				}
				return line.isEmpty() ? null : line.toString();
			}

			void close() {
				try {
					socket.close();
				}
				catch (IOException ignored) {
					// closing
				}
			}
		}
	}

	// ---- pgbench baseline: the same rows (ticket, first message, tags) written by PostgreSQL's own load tool ----

	static boolean pgbenchEnabled() {
		return !"0".equals(env("BENCH_PGBENCH", "1"));
	}

	static final String CREATE_SCRIPT = "bench/pgbench-create.sql";

	/**
	 * The creations of a round over the time until the listeners have handled their events too (two of a
	 * creation's three transactions run after its answer: on Temurin 25 they fell minutes behind, 2026-12-03), so
	 * a rate the machine can keep up; the latencies are the requests'.
	 */
	static final String CREATE_HANDLED = "create ticket, events handled";

	static Connection connect(String jdbcUrl) throws SQLException {
		return DriverManager.getConnection(jdbcUrl, env("BENCH_DB_USER", "postgres"), env("BENCH_DB_PASSWORD", ""));
	}

	static Instant databaseNow(String jdbcUrl) throws Exception {
		try (Connection c = connect(jdbcUrl); var statement = c.createStatement();
				ResultSet rs = statement.executeQuery("select now()")) {
			rs.next();
			return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
		}
	}

	/** Waits until every event published since {@code since} is handled (at most ten minutes). */
	static void eventsHandled(String jdbcUrl, Instant since, String db) throws Exception {
		long deadline = System.nanoTime() + 600_000_000_000L;
		try (Connection c = connect(jdbcUrl); var pending = c.prepareStatement("select count(*) from event_publication "
						+ "where completion_date is null and publication_date >= ?")) {
			pending.setObject(1, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
			while (true) {
				try (ResultSet rs = pending.executeQuery()) {
					rs.next();
					if (rs.getLong(1) == 0) {
						return;
					}
				}
				if (System.nanoTime() > deadline) {
					System.out.printf("[%s] events still unhandled after ten minutes%n", db);
					return;
				}
				Thread.sleep(100);
			}
		}
	}

	/**
	 * The floor under a creation (issue 5): pgbench sending every statement the application sends for one, in its
	 * three transactions ({@code bench/pgbench-create-floor.sql}); and the same rows written the cheapest way any
	 * design could, one transaction without the event registry's publications ({@code
	 * bench/pgbench-create-floor-one.sql}). {@code BENCH_FLOOR=0} leaves both out.
	 */
	static final String FLOOR_SCRIPT = "bench/pgbench-create-floor.sql";

	static final String FLOOR_ONE_SCRIPT = "bench/pgbench-create-floor-one.sql";

	static final String FLOOR = "pgbench floor: the app's statements";

	static final String FLOOR_ONE = "pgbench floor: same rows, one transaction";

	static boolean floorEnabled() {
		return !"0".equals(env("BENCH_FLOOR", "1"));
	}

	/**
	 * Runs a pgbench script ({@code bench/pgbench-create.sql}, or a floor) at the same concurrency and for the same
	 * time, and reads the latency of every transaction from pgbench's per-transaction log, so its percentiles are
	 * computed exactly as the API's are (a "transaction" is one run of the script: three for the floor).
	 */
	static Result pgbench(String jdbcUrl, int concurrency, int seconds, Path workDir, String scriptPath,
			String... defines) throws Exception {
		Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*").matcher(jdbcUrl);
		if (!url.matches()) {
			throw new IllegalArgumentException("Not a PostgreSQL URL: " + jdbcUrl);
		}
		long tier1;
		try (Connection c = connect(jdbcUrl);
				var statement = c.createStatement()) {
			// The script looks customers up; the app and the JDBC baseline create the missing ones on first contact.
			statement.executeUpdate("insert into contacts (id, email, name, account_id, created_at, version) "
					+ "select nextval('contacts_seq'), 'customer' || g || '@example.com', 'Customer ' || g, "
					+ "(select id from accounts where domain = 'example.com'), now(), 0 "
					+ "from generate_series(0, " + (CUSTOMERS - 1) + ") g on conflict do nothing");
			try (ResultSet rs = statement.executeQuery("select id from support_groups where group_key = 'tier1'")) {
				rs.next();
				tier1 = rs.getLong(1);
			}
		}
		Path logs = Files.createDirectories(workDir.resolve("pgbench-logs"));
		try (var old = Files.list(logs)) {
			for (Path p : old.toList()) {
				Files.delete(p);
			}
		}
		Path script = Path.of(System.getProperty("bench.root", ".")).resolve(scriptPath);
		List<String> command = new ArrayList<>(List.of(env("PGBENCH", "pgbench"), "-n", "-M", "prepared", "-h",
				url.group(1), "-p", url.group(2) == null ? "5432" : url.group(2), "-U", env("BENCH_DB_USER", "postgres"),
				"-c", String.valueOf(concurrency), "-j", "2", "-T", String.valueOf(seconds), "-D", "tier1=" + tier1));
		for (String define : defines) {
			command.addAll(List.of("-D", define));
		}
		command.addAll(List.of("-f", script.toString(), "-l", "--log-prefix=" + logs.resolve("tx"), url.group(3)));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("pgbench failed: " + output);
		}
		List<Long> micros = new ArrayList<>();
		long failed = 0;
		try (var files = Files.list(logs)) {
			for (Path log : files.toList()) {
				for (String line : Files.readAllLines(log)) {
					String[] f = line.split(" ");
					if (f.length < 3) {
						continue;
					}
					if (f[2].matches("\\d+")) {
						micros.add(Long.parseLong(f[2]));
					}
					else {
						failed++;
					}
				}
			}
		}
		Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
		double perSecond = tps.find() ? Double.parseDouble(tps.group(1)) : micros.size() / (double) seconds;
		long[] nanos = micros.stream().mapToLong(us -> us * 1000).sorted().toArray();
		return new Result(nanos.length, failed, seconds, perSecond, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99),
				Double.NaN);
	}

	// ---- raw JDBC baseline: the rows and statements the app writes for one new ticket ----

	static Result jdbc(String url, int concurrency, int seconds) throws Exception {
		Blocks ticketIds = new Blocks("tickets_seq", false);
		Blocks messageIds = new Blocks("messages_seq", true);
		long tier1;
		try (Connection c = connect(url);
				ResultSet rs = c.createStatement().executeQuery("select id from support_groups where group_key = 'tier1'")) {
			rs.next();
			tier1 = rs.getLong(1);
		}
		BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(concurrency);
		for (int i = 0; i < concurrency; i++) {
			Connection c = connect(url);
			c.setAutoCommit(false);
			pool.add(c);
		}
		try {
			return run(concurrency, seconds, () -> {
				Connection c = pool.take();
				try {
					insertTicket(c, tier1, ticketIds, messageIds);
				}
				catch (SQLException e) {
					c.rollback();
					throw e;
				}
				finally {
					pool.add(c);
				}
			});
		}
		finally {
			for (Connection c : pool) {
				c.close();
			}
		}
	}

	static void insertTicket(Connection c, long groupId, Blocks ticketIds, Blocks messageIds) throws SQLException {
		int customer = ThreadLocalRandom.current().nextInt(CUSTOMERS);
		String email = "customer" + customer + "@example.com";
		Timestamp now = Timestamp.from(Instant.now());
		long[] contact = findContact(c, email);
		if (contact == null) {
			Long accountId = null;
			try (PreparedStatement ps = c.prepareStatement("select id from accounts where domain = ?")) {
				ps.setString(1, "example.com");
				try (ResultSet rs = ps.executeQuery()) {
					accountId = rs.next() ? rs.getLong(1) : null;
				}
			}
			try (PreparedStatement ps = c.prepareStatement("insert into contacts (id, email, name, account_id, "
					+ "created_at, version) values (nextval('contacts_seq'), ?, ?, ?, ?, 0) on conflict do nothing")) {
				ps.setString(1, email);
				ps.setString(2, "Customer " + customer);
				ps.setObject(3, accountId);
				ps.setTimestamp(4, now);
				ps.executeUpdate();
			}
			contact = findContact(c, email);
		}
		long ticketId = ticketIds.next(c);
		try (PreparedStatement ps = c.prepareStatement("insert into tickets (account_id, assignee_id, channel, "
				+ "created_at, first_response_at, group_id, ticket_number, priority, requester_id, solved_at, status, "
				+ "subject, type, updated_at, version, id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
			ps.setObject(1, contact[1] == 0 ? null : contact[1]);
			ps.setObject(2, null);
			ps.setString(3, "API");
			ps.setTimestamp(4, now);
			ps.setTimestamp(5, null);
			ps.setLong(6, groupId);
			ps.setLong(7, ticketId);
			ps.setString(8, "NORMAL");
			ps.setLong(9, contact[0]);
			ps.setTimestamp(10, null);
			ps.setString(11, "NEW");
			ps.setString(12, "Printer jams on floor 3");
			ps.setString(13, "INCIDENT");
			ps.setTimestamp(14, now);
			ps.setLong(15, 0);
			ps.setLong(16, ticketId);
			ps.executeUpdate();
		}
		try (PreparedStatement ps = c.prepareStatement("insert into messages (author_id, author_kind, body_html, "
				+ "created_at, ticket_id, visibility, id) values (?,?,?,?,?,?,?)")) {
			ps.setLong(1, contact[0]);
			ps.setString(2, "CONTACT");
			ps.setString(3, DESCRIPTION_HTML);
			ps.setTimestamp(4, now);
			ps.setLong(5, ticketId);
			ps.setString(6, "PUBLIC");
			ps.setLong(7, messageIds.next(c));
			ps.executeUpdate();
		}
		try (PreparedStatement ps = c.prepareStatement("insert into ticket_tags (ticket_id, tag_position, tag) values (?,?,?)")) {
			for (int position = 0; position < TAGS.size(); position++) {
				ps.setLong(1, ticketId);
				ps.setInt(2, position);
				ps.setString(3, TAGS.get(position));
				ps.addBatch();
			}
			ps.executeBatch();
		}
		c.commit();
	}

	/** The contact's id and account id (0 for none), or null. */
	static long[] findContact(Connection c, String email) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
				"select id, account_id, created_at, email, name, version from contacts where email = ?")) {
			ps.setString(1, email);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? new long[] { rs.getLong(1), rs.getLong(2) } : null;
			}
		}
	}

	/**
	 * Ids drawn like the app draws them: one sequence call per block of 50. The app's {@code IdBlocks} reads the
	 * sequence value as the first id of its block; Hibernate's pooled optimizer (messages) reads it as the last.
	 */
	static final class Blocks {

		private final String sequence;

		private final boolean valueIsLast;

		private long next;

		private long end;

		Blocks(String sequence, boolean valueIsLast) {
			this.sequence = sequence;
			this.valueIsLast = valueIsLast;
		}

		synchronized long next(Connection c) throws SQLException {
			if (next >= end) {
				try (ResultSet rs = c.createStatement().executeQuery("select nextval('" + sequence + "')")) {
					rs.next();
					next = valueIsLast ? rs.getLong(1) - 49 : rs.getLong(1);
					end = next + 50;
				}
			}
			return next++;
		}
	}

	// ---- the load loop ----

	interface Action {

		void run() throws Exception;
	}

	/** {@code serverCpuMs}: CPU time the server process used per successful request, NaN when not measured. */
	record Result(long count, long errors, double seconds, double perSecond, double p50, double p95, double p99,
			double serverCpuMs) {

		Result withServerCpu(long cpuNanos) {
			return new Result(count, errors, seconds, perSecond, p50, p95, p99, cpuNanos / 1e6 / Math.max(1, count));
		}
	}

	/**
	 * User plus system CPU time of every PostgreSQL process on this machine (backends, WAL writer, checkpointer),
	 * from /proc, with that of the backends that have exited (the postmaster's reaped children: pgbench's
	 * connections end with its run); -1 when there is none.
	 */
	static long postgresCpuNanos() {
		long sum = 0;
		boolean any = false;
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path dir : processes.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
				long nanos = cpuNanos(dir, "postgres", true);
				if (nanos >= 0) {
					sum += nanos;
					any = true;
				}
			}
		}
		catch (IOException e) {
			return -1;
		}
		return any ? sum : -1;
	}

	/**
	 * User plus system CPU time of the process whose /proc directory this is, when its command is {@code command}
	 * (any when null); -1 otherwise, or when it is gone. {@code reaped}: with that of its children that exited.
	 */
	static long cpuNanos(Path procDir, String command, boolean reaped) {
		try {
			String stat = Files.readString(procDir.resolve("stat"));
			if (command != null && !stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals(command)) {
				return -1;
			}
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12])
					+ (reaped ? Long.parseLong(f[13]) + Long.parseLong(f[14]) : 0);
			return ticks * 10_000_000L; // clock ticks of 10 ms
		}
		catch (IOException | RuntimeException gone) {
			return -1;
		}
	}

	/** User plus system CPU time of the server process (BENCH_SERVER_PID) from /proc, or -1 where unknown. */
	static long serverCpuNanos() {
		String pid = System.getenv("BENCH_SERVER_PID");
		return pid == null || pid.isBlank() ? -1 : cpuNanos(Path.of("/proc", pid), null, false);
	}

	/** Runs a scenario and adds the server's CPU time per request, when the server's pid is known. */
	static Result measured(int concurrency, int seconds, Action action) throws InterruptedException {
		long before = serverCpuNanos();
		Result r = run(concurrency, seconds, action);
		long after = serverCpuNanos();
		return before < 0 || after < 0 ? r : r.withServerCpu(after - before);
	}

	/** Closed loop: each worker sends its next request when the last one answered, until the time is up. */
	static Result run(int concurrency, int seconds, Action action) throws InterruptedException {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		long[][] latencies = new long[concurrency][];
		long[] errors = new long[concurrency];
		Thread[] workers = new Thread[concurrency];
		long start = System.nanoTime();
		for (int w = 0; w < concurrency; w++) {
			int worker = w;
			workers[w] = new Thread(() -> {
				long[] mine = new long[1 << 16];
				int n = 0;
				while (System.nanoTime() < deadline) {
					long t0 = System.nanoTime();
					try {
						action.run();
					}
					catch (Exception e) {
						if (errors[worker]++ < 3) {
							System.err.println("error: " + e.getMessage());
						}
						continue;
					}
					if (n == mine.length) {
						mine = Arrays.copyOf(mine, n * 2);
					}
					mine[n++] = System.nanoTime() - t0;
				}
				latencies[worker] = Arrays.copyOf(mine, n);
			}, "bench-" + w);
			workers[w].start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(all.length, Arrays.stream(errors).sum(), elapsed, all.length / elapsed, pct(all, 50),
				pct(all, 95), pct(all, 99), Double.NaN);
	}

	static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	static void record(Path out, String db, int round, String scenario, Result r) {
		String line = String.join("\t", db, String.valueOf(round), scenario, String.valueOf(r.count()),
				String.valueOf(r.errors()), fmt(r.seconds()), fmt(r.perSecond()), fmt(r.p50()), fmt(r.p95()),
				fmt(r.p99()), fmt(r.serverCpuMs()));
		System.out.printf("[%s] round %d %-17s %8.1f/s  p50 %6.2f  p95 %6.2f  p99 %6.2f ms  server CPU %5.2f ms/req"
				+ "  (%d ok, %d errors)%n", db, round, scenario, r.perSecond(), r.p50(), r.p95(), r.p99(),
				r.serverCpuMs(), r.count(), r.errors());
		try {
			Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	// ---- the report: medians over rounds ----

	static void report(Path in) throws IOException {
		Map<String, Map<String, List<double[]>>> rows = new LinkedHashMap<>();
		for (String line : Files.readAllLines(in)) {
			String[] f = line.split("\t");
			if (f.length < 10) {
				continue;
			}
			rows.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).computeIfAbsent(f[2], k -> new ArrayList<>())
				.add(new double[] { Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
						Double.parseDouble(f[9]), Double.parseDouble(f[4]),
						f.length > 10 ? Double.parseDouble(f[10]) : Double.NaN });
		}
		System.out.println("| Database | Scenario | Rounds | Throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | Errors "
				+ "| Server CPU (ms/req) |");
		System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
		Map<String, Map<String, Double>> rates = new TreeMap<>(); // database -> scenario -> median rate
		rows.forEach((db, scenarios) -> scenarios.forEach((scenario, rounds) -> {
			double[] m = new double[6];
			for (int i = 0; i < 6; i++) {
				int col = i;
				m[i] = median(rounds.stream().mapToDouble(r -> r[col]).toArray());
			}
			System.out.printf("| %s | %s | %d | %.0f | %.1f | %.1f | %.1f | %.0f | %s |%n", db, scenario,
					rounds.size(), m[0], m[1], m[2], m[3], m[4], Double.isNaN(m[5]) ? "–" : String.format("%.2f", m[5]));
			rates.computeIfAbsent(db, k -> new LinkedHashMap<>()).put(scenario, m[0]);
		}));
		System.out.println();
		rates.forEach((db, rate) -> {
			double api = rate.getOrDefault("create ticket", 0.0);
			double jdbc = rate.getOrDefault("raw JDBC create", 0.0);
			double pgbench = rate.getOrDefault("pgbench create", 0.0);
			double floor = rate.getOrDefault(FLOOR, 0.0);
			double one = rate.getOrDefault(FLOOR_ONE, 0.0);
			double handled = rate.getOrDefault(CREATE_HANDLED, 0.0);
			if (api > 0 && jdbc > 0) {
				System.out.printf("- %s: API ticket creation runs at %.0f%% of the raw-JDBC rate (%.0f / %.0f per s, medians).%n",
						db, 100 * api / jdbc, api, jdbc);
			}
			if (api > 0 && pgbench > 0) {
				System.out.printf("- %s: API ticket creation runs at %.0f%% of the pgbench rate (%.0f / %.0f per s, medians).%n",
						db, 100 * api / pgbench, api, pgbench);
			}
			if (pgbench > 0 && floor > 0) {
				System.out.printf("- %s: the floor (pgbench sending the app's statements for a creation, no app) runs at "
						+ "%.0f%% of the pgbench rate (%.0f / %.0f per s); the API at %.0f%% of its floor.%n", db,
						100 * floor / pgbench, floor, pgbench, 100 * api / floor);
			}
			if (pgbench > 0 && handled > 0) {
				System.out.printf("- %s: counted until its events are handled, API ticket creation runs at %.0f%% of the "
						+ "pgbench rate (%.0f per s)%s.%n", db, 100 * handled / pgbench, handled,
						floor > 0 ? String.format(", %.0f%% of its floor", 100 * handled / floor) : "");
			}
			if (pgbench > 0 && one > 0) {
				System.out.printf("- %s: the same rows in one transaction, no event publications: %.0f%% of the pgbench "
						+ "rate (%.0f per s).%n", db, 100 * one / pgbench, one);
			}
		});
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	// ---- small helpers ----

	static String quote(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	static String fmt(double value) {
		return String.format(java.util.Locale.ROOT, "%.3f", value);
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/** Ticket ids created so far, for replies and reads to pick from. */
	static final class IdList {

		private long[] ids = new long[1 << 16];

		private int size;

		private long cursor;

		synchronized void add(long id) {
			if (size == ids.length) {
				ids = Arrays.copyOf(ids, size * 2);
			}
			ids[size++] = id;
		}

		synchronized long random() {
			return ids[ThreadLocalRandom.current().nextInt(size)];
		}

		/** The tickets in turn, so that concurrent replies go to different tickets, as they mostly do in life. */
		synchronized long next() {
			return ids[(int) (cursor++ % size)];
		}
	}
}
