import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;

/**
 * Ingest of usage events through Segment's {@code POST /v1/batch} (batches of 500 at concurrency 8) against
 * {@code COPY} of the same rows into the same table ({@code activity_events}) in the same run, and the floor
 * ({@link #FLOOR}). Usage:
 * {@code ActivityBench <baseUrl> <jdbcUrl> <seconds> <rounds>}; prints one line per round and the medians.
 */
public class ActivityBench {

	static final int BATCH = 500;

	static final int CONCURRENCY = 8;

	static final String[] EVENTS = { "Signed In", "Session Ended", "Feature Used", "Help Article Viewed",
			"Report Exported", "Email Opened", "Content Downloaded", "Dashboard Viewed" };

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String jdbc = args[1];
		int seconds = Integer.parseInt(args[2]);
		int rounds = Integer.parseInt(args[3]);
		long serverPid = args.length > 4 ? Long.parseLong(args[4]) : -1;
		HttpClient http = HttpClient.newBuilder().build();
		String key = writeKey(http, base);
		// warm-up: the JIT, the connection pool, the accounts the groups create
		ingest(http, base, key, 5, new Random(1), new AtomicLong());
		List<Double> api = new ArrayList<>();
		List<Double> copy = new ArrayList<>();
		List<Double> serverCpu = new ArrayList<>();
		List<Double> databaseCpu = new ArrayList<>();
		List<Double> copyCpu = new ArrayList<>();
		List<Double> floor = new ArrayList<>();
		List<Double> floorCpu = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			List<Long> backends = backends(jdbc);
			double serverBefore = cpuSeconds(serverPid);
			double databaseBefore = cpuSeconds(backends);
			AtomicLong sent = new AtomicLong();
			double viaApi = ingest(http, base, key, seconds, new Random(round), sent);
			double serverUs = (cpuSeconds(serverPid) - serverBefore) * 1e6 / sent.get();
			double databaseUs = (cpuSeconds(backends) - databaseBefore) * 1e6 / sent.get();
			AtomicLong copied = new AtomicLong();
			double[] copyBackendSeconds = new double[1];
			double viaCopy = copy(jdbc, seconds, new Random(round), copied, copyBackendSeconds);
			double copyUs = copyBackendSeconds[0] * 1e6 / copied.get();
			AtomicLong floored = new AtomicLong();
			double[] floorBackendSeconds = new double[1];
			double viaFloor = FLOOR ? copy(jdbc, seconds, new Random(round), floored, floorBackendSeconds, true) : 0;
			double floorUs = FLOOR ? floorBackendSeconds[0] * 1e6 / floored.get() : 0;
			api.add(viaApi);
			copy.add(viaCopy);
			floor.add(viaFloor);
			floorCpu.add(floorUs);
			serverCpu.add(serverUs);
			databaseCpu.add(databaseUs);
			copyCpu.add(copyUs);
			System.out.printf("round %d: api %.0f events/s, copy %.0f rows/s, ratio %.1f%%; CPU per event: server "
					+ "%.1f us, its PostgreSQL backends %.1f us; COPY's backends %.1f us per row%n", round, viaApi, viaCopy,
					100 * viaApi / viaCopy, serverUs, databaseUs, copyUs);
			if (FLOOR) {
				System.out.printf("round %d: floor (claim + COPY" + (FLOOR_ROLLUPS ? " + rollups" : "") + " over JDBC) %.0f events/s, %.1f%% of COPY; "
						+ "its backends %.1f us per event%n", round, viaFloor, 100 * viaFloor / viaCopy, floorUs);
			}
		}
		double a = median(api);
		double c = median(copy);
		System.out.printf("median: api %.0f events/s, copy %.0f rows/s, ratio %.1f%%; CPU per event: server %.1f us, "
				+ "its PostgreSQL backends %.1f us; COPY's backends %.1f us per row%n", a, c, 100 * a / c,
				median(serverCpu), median(databaseCpu), median(copyCpu));
		if (FLOOR) {
			System.out.printf("median: floor %.0f events/s, %.1f%% of COPY (ratio of the round medians %.1f%%); its "
					+ "backends %.1f us per event%n", median(floor), 100 * median(floor) / c,
					100 * median(ratios(floor, copy)), median(floorCpu));
		}
	}

	/**
	 * FLOOR=1 (the default) adds a third measurement to each round: what PostgreSQL itself must do per event under the
	 * issue's own rules, with no application in between: each batch of 500 claims its messageIds, is COPYed and
	 * adds to the daily rollups, in one transaction, with the statements the application runs (MessageIds, Rollups),
	 * over 8 JDBC connections. No read models, no people, no HTTP or JSON: an upper bound for any ingest that keeps
	 * idempotency and rollups in the batch's transaction.
	 */
	static final boolean FLOOR = !"0".equals(System.getenv("FLOOR"));

	/** FLOOR=claims: the floor without the rollups (idempotency and raw rows only). */
	static final boolean FLOOR_ROLLUPS = !"claims".equals(System.getenv("FLOOR"));

	static List<Double> ratios(List<Double> over, List<Double> under) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < over.size(); i++) {
			ratios.add(over.get(i) / under.get(i));
		}
		return ratios;
	}

	static final String COPY = "copy activity_events (received_at, occurred_at, type, event, user_id, anonymous_id, "
			+ "account_id, contact_id, message_id, write_key_id, payload) from stdin";

	static final String CLAIM = "insert into activity_message_ids (message_id, received_at) "
			+ "select unnest(?::varchar[]), ? on conflict do nothing returning message_id";

	static final String ROLLUP = "insert into activity_daily (account_id, usage_day, event, user_key, event_count, "
			+ "duration_seconds) select * from unnest(?::bigint[], ?::date[], ?::varchar[], ?::varchar[], ?::bigint[], "
			+ "?::bigint[]) on conflict (account_id, usage_day, event, user_key) do update set event_count = "
			+ "activity_daily.event_count + excluded.event_count, duration_seconds = activity_daily.duration_seconds + "
			+ "excluded.duration_seconds";

	/** A batch's rows for the floor: raw text for COPY, its messageIds, and its rollup sums in key order. */
	record FloorBatch(String raw, String[] ids, java.util.TreeMap<RollupKey, long[]> sums) {
	}

	/** A rollup row's key, ordered as the application writes them (so that two batches cannot deadlock). */
	record RollupKey(long account, java.time.LocalDate day, String event, String user) {

		static final java.util.Comparator<RollupKey> ORDER = java.util.Comparator.comparingLong(RollupKey::account)
			.thenComparing(RollupKey::day).thenComparing(RollupKey::event).thenComparing(RollupKey::user);
	}

	static FloorBatch floorBatch(Random random) {
		StringBuilder text = new StringBuilder(BATCH * 200);
		String[] ids = new String[BATCH];
		// accounts 1,000,001-1,000,200: the same number of rollup keys as the API's, apart from them
		var sums = new java.util.TreeMap<RollupKey, long[]>(RollupKey.ORDER);
		Instant now = Instant.now();
		for (int i = 0; i < BATCH; i++) {
			int account = random.nextInt(200);
			String event = EVENTS[random.nextInt(EVENTS.length)];
			Instant at = now.minusSeconds(random.nextInt(30 * 86400));
			String user = "user-" + account + "-" + random.nextInt(25);
			int duration = random.nextInt(3600);
			ids[i] = UUID.randomUUID().toString();
			text.append(now).append('\t').append(at).append("\ttrack\t").append(event).append('\t').append(user)
				.append("\t\\N\t").append(1_000_001 + account).append("\t\\N\t").append(ids[i])
				.append("\t1\t{\"durationSeconds\":").append(duration).append(",\"feature\":\"f")
				.append(random.nextInt(12)).append("\"}\n");
			RollupKey key = new RollupKey(1_000_001 + account, at.atZone(java.time.ZoneOffset.UTC).toLocalDate(), event,
					"u:" + user);
			long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
			sum[0]++;
			sum[1] += duration;
		}
		return new FloorBatch(text.toString(), ids, sums);
	}

	static void floorWrite(Connection connection, FloorBatch batch) throws Exception {
		try (var claim = connection.prepareStatement(CLAIM)) {
			claim.setArray(1, connection.createArrayOf("varchar", batch.ids()));
			claim.setTimestamp(2, java.sql.Timestamp.from(Instant.now()));
			try (var claimed = claim.executeQuery()) {
				while (claimed.next()) {
					claimed.getString(1);
				}
			}
		}
		connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(batch.raw()));
		if (!FLOOR_ROLLUPS) {
			return;
		}
		int n = batch.sums().size();
		Long[] accounts = new Long[n];
		java.sql.Date[] days = new java.sql.Date[n];
		String[] events = new String[n];
		String[] users = new String[n];
		Long[] counts = new Long[n];
		Long[] durations = new Long[n];
		int i = 0;
		for (var sum : batch.sums().entrySet()) {
			RollupKey key = sum.getKey();
			accounts[i] = key.account();
			days[i] = java.sql.Date.valueOf(key.day());
			events[i] = key.event();
			users[i] = key.user();
			counts[i] = sum.getValue()[0];
			durations[i] = sum.getValue()[1];
			i++;
		}
		try (var rollup = connection.prepareStatement(ROLLUP)) {
			rollup.setArray(1, connection.createArrayOf("bigint", accounts));
			rollup.setArray(2, connection.createArrayOf("date", days));
			rollup.setArray(3, connection.createArrayOf("varchar", events));
			rollup.setArray(4, connection.createArrayOf("varchar", users));
			rollup.setArray(5, connection.createArrayOf("bigint", counts));
			rollup.setArray(6, connection.createArrayOf("bigint", durations));
			rollup.executeUpdate();
		}
	}

	/** User plus system CPU seconds of a process (or its sum over processes), from /proc/<pid>/stat; 0 if unknown. */
	static double cpuSeconds(long pid) {
		if (pid <= 0) {
			return 0;
		}
		try {
			String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // USER_HZ is 100 on Linux
		}
		catch (java.io.IOException | RuntimeException gone) {
			return 0;
		}
	}

	static double cpuSeconds(List<Long> pids) {
		double sum = 0;
		for (long pid : pids) {
			sum += cpuSeconds(pid);
		}
		return sum;
	}

	/** The PostgreSQL backends of the server's pool: every other connection to the bench database. */
	static List<Long> backends(String jdbc) throws Exception {
		List<Long> pids = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(jdbc);
				var rows = connection.createStatement().executeQuery("select pid from pg_stat_activity where "
						+ "datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'")) {
			while (rows.next()) {
				pids.add(rows.getLong(1));
			}
		}
		return pids;
	}

	static String writeKey(HttpClient http, String base) throws Exception {
		String admin = Base64.getEncoder().encodeToString("admin@localhost:admin-password-1".getBytes());
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/write-keys"))
			.header("Authorization", "Basic " + admin).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"bench\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		if (created.statusCode() != 201) {
			throw new IllegalStateException("write key: " + created.statusCode() + " " + created.body());
		}
		String body = created.body();
		int at = body.indexOf("\"key\":\"") + 7;
		return body.substring(at, body.indexOf('"', at));
	}

	/** A batch as analytics-java sends it: track calls with messageIds, timestamps, properties and context. */
	static String batch(Random random) {
		StringBuilder json = new StringBuilder(BATCH * 260).append("{\"batch\":[");
		Instant now = Instant.now();
		for (int i = 0; i < BATCH; i++) {
			int account = random.nextInt(200);
			String event = EVENTS[random.nextInt(EVENTS.length)];
			json.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"messageId\":\"").append(UUID.randomUUID())
				.append("\",\"userId\":\"user-").append(account).append('-').append(random.nextInt(25))
				.append("\",\"event\":\"").append(event).append("\",\"timestamp\":\"")
				.append(now.minusSeconds(random.nextInt(30 * 86400))).append("\",\"context\":{\"groupId\":\"bench-")
				.append(account).append("\",\"library\":{\"name\":\"analytics-java\",\"version\":\"3.5.1\"}}")
				.append(",\"properties\":{\"durationSeconds\":").append(random.nextInt(3600))
				.append(",\"feature\":\"f").append(random.nextInt(12)).append("\"}}");
		}
		return json.append("],\"sentAt\":\"").append(now).append("\"}").toString();
	}

	static double ingest(HttpClient http, String base, String key, int seconds, Random seed, AtomicLong events)
			throws Exception {
		String auth = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
		List<Future<?>> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < CONCURRENCY; t++) {
			Random random = new Random(seed.nextLong());
			workers.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					String body = batch(random);
					HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/batch"))
						.header("Authorization", auth).header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
					if (answer.statusCode() != 200 || !answer.body().contains("\"accepted\":" + BATCH)) {
						throw new IllegalStateException(answer.statusCode() + " " + answer.body());
					}
					events.addAndGet(BATCH);
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
		return events.get() / ((System.nanoTime() - start) / 1e9);
	}

	/** The same rows as the API stores, COPYed by 8 connections in chunks of 500 (one transaction each). */
	static double copy(String jdbc, int seconds, Random seed, AtomicLong rows, double[] backendSeconds)
			throws Exception {
		return copy(jdbc, seconds, seed, rows, backendSeconds, false);
	}

	/** COPY alone, or with {@code floor} the whole floor transaction (see {@link #FLOOR}). */
	static double copy(String jdbc, int seconds, Random seed, AtomicLong rows, double[] backendSeconds, boolean floor)
			throws Exception {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
		List<Future<?>> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < CONCURRENCY; t++) {
			Random random = new Random(seed.nextLong());
			workers.add(pool.submit(() -> {
				try (Connection connection = DriverManager.getConnection(jdbc)) {
					long backend;
					try (var pid = connection.createStatement().executeQuery("select pg_backend_pid()")) {
						pid.next();
						backend = pid.getLong(1);
					}
					double before = cpuSeconds(backend);
					connection.setAutoCommit(false);
					var copy = connection.unwrap(PGConnection.class).getCopyAPI();
					while (System.nanoTime() < end) {
						if (floor) {
							floorWrite(connection, floorBatch(random));
						}
						else {
							copy.copyIn(COPY, new StringReader(rows(random)));
						}
						connection.commit();
						rows.addAndGet(BATCH);
					}
					double used = cpuSeconds(backend) - before;
					synchronized (backendSeconds) {
						backendSeconds[0] += used;
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
		return rows.get() / ((System.nanoTime() - start) / 1e9);
	}

	static String rows(Random random) {
		StringBuilder text = new StringBuilder(BATCH * 200);
		Instant now = Instant.now();
		for (int i = 0; i < BATCH; i++) {
			int account = random.nextInt(200);
			text.append(now).append('\t').append(now.minusSeconds(random.nextInt(30 * 86400))).append("\ttrack\t")
				.append(EVENTS[random.nextInt(EVENTS.length)]).append("\tuser-").append(account).append('-')
				.append(random.nextInt(25)).append("\t\\N\t").append(account + 1).append("\t\\N\t")
				.append(UUID.randomUUID()).append("\t1\t{\"durationSeconds\":").append(random.nextInt(3600))
				.append(",\"feature\":\"f").append(random.nextInt(12)).append("\"}\n");
		}
		return text.toString();
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}
}
