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
 * {@code COPY} of the same rows into the same table ({@code activity_events}) in the same run. Usage:
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
			api.add(viaApi);
			copy.add(viaCopy);
			serverCpu.add(serverUs);
			databaseCpu.add(databaseUs);
			copyCpu.add(copyUs);
			System.out.printf("round %d: api %.0f events/s, copy %.0f rows/s, ratio %.1f%%; CPU per event: server "
					+ "%.1f us, its PostgreSQL backends %.1f us; COPY's backends %.1f us per row%n", round, viaApi, viaCopy,
					100 * viaApi / viaCopy, serverUs, databaseUs, copyUs);
		}
		double a = median(api);
		double c = median(copy);
		System.out.printf("median: api %.0f events/s, copy %.0f rows/s, ratio %.1f%%; CPU per event: server %.1f us, "
				+ "its PostgreSQL backends %.1f us; COPY's backends %.1f us per row%n", a, c, 100 * a / c,
				median(serverCpu), median(databaseCpu), median(copyCpu));
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
						copy.copyIn("copy activity_events (received_at, occurred_at, type, event, user_id, anonymous_id, "
								+ "account_id, contact_id, message_id, write_key_id, payload) from stdin",
								new StringReader(rows(random)));
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
