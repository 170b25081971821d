package io.rapport.shared.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real OpenSearch for the {@code opensearch} tests (docs/search.md): the integ-test zip of OpenSearch from Maven
 * Central (3.6 has the analysis-common module every analyzer here uses; 3.4's and 2.19's zips have none), kept in {@code ~/.cache/rapport/opensearch},
 * unpacked under the temporary directory and started once per test JVM on a free port, stopped when the JVM ends.
 * OpenSearch refuses to run as root: as root it runs as the system user {@code rapport-search}, created if missing.
 * {@code RAPPORT_TEST_OPENSEARCH_URL} uses a server already running instead; {@code RAPPORT_OPENSEARCH_JAVA_HOME}
 * picks its JDK (default: Temurin 25 when installed, else this JVM's).
 */
final class OpenSearchServer {

	static final String VERSION = System.getProperty("rapport.opensearch.version", "3.6.0");

	private static final String USER = "rapport-search";

	private static OpenSearchServer shared;

	private final String url;

	private OpenSearchServer(String url) {
		this.url = url;
	}

	/** The server of this JVM, started at the first call. */
	static synchronized OpenSearchServer shared() {
		if (shared == null) {
			String given = System.getenv("RAPPORT_TEST_OPENSEARCH_URL");
			shared = new OpenSearchServer(given != null && !given.isBlank() ? given : start());
		}
		return shared;
	}

	String url() {
		return url;
	}

	private static String start() {
		try {
			Path zip = download();
			Path root = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "rapport-opensearch"));
			Path home = root.resolve("opensearch-" + VERSION);
			if (!Files.isRegularFile(home.resolve("bin/opensearch"))) {
				unzip(zip, root);
			}
			Path data = Files.createTempDirectory(root, "data-");
			int port = freePort();
			int transport = freePort();
			boolean asRoot = "root".equals(System.getProperty("user.name"));
			if (asRoot) {
				ensureUser();
				run("chown", "-R", USER, root.toString());
			}
			List<String> command = new ArrayList<>();
			if (asRoot) {
				command.addAll(List.of("runuser", "-u", USER, "--"));
			}
			command.addAll(List.of(home.resolve("bin/opensearch").toString(), "-E", "discovery.type=single-node", "-E",
					"http.port=" + port, "-E", "transport.port=" + transport, "-E", "network.host=127.0.0.1", "-E",
					"path.data=" + data.resolve("data"), "-E", "path.logs=" + data.resolve("logs"), "-E",
					"cluster.routing.allocation.disk.threshold_enabled=false", "-E", "cluster.name=rapport-test"));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(data.resolve("console.log").toFile());
			builder.environment().put("OPENSEARCH_JAVA_HOME", javaHome());
			builder.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m");
			Process process = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				process.descendants().forEach(ProcessHandle::destroy);
				process.destroy();
			}));
			String url = "http://127.0.0.1:" + port;
			waitUntilUp(url, process, data.resolve("console.log"));
			return url;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path download() throws IOException {
		Path cache = Path.of(System.getProperty("user.home"), ".cache", "rapport", "opensearch");
		Path zip = cache.resolve("opensearch-" + VERSION + ".zip");
		if (Files.isRegularFile(zip)) {
			return zip;
		}
		Files.createDirectories(cache);
		URI uri = URI.create("https://repo1.maven.org/maven2/org/opensearch/distribution/integ-test-zip/opensearch/"
				+ VERSION + "/opensearch-" + VERSION + ".zip");
		Path part = cache.resolve(zip.getFileName() + ".part");
		try {
			HttpResponse<Path> response = HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NORMAL)
				.build()
				.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofFile(part));
			if (response.statusCode() != 200) {
				throw new IOException("Downloading " + uri + " answered " + response.statusCode());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		return Files.move(part, zip, StandardCopyOption.REPLACE_EXISTING);
	}

	private static void unzip(Path zip, Path into) throws IOException {
		try (ZipFile file = new ZipFile(zip.toFile())) {
			Enumeration<? extends ZipEntry> entries = file.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				Path target = into.resolve(entry.getName()).normalize();
				if (!target.startsWith(into)) {
					throw new IOException("Zip entry outside its directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				try (InputStream in = file.getInputStream(entry)) {
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
				if (entry.getName().contains("/bin/")) {
					target.toFile().setExecutable(true, false);
				}
			}
		}
	}

	private static String javaHome() {
		String given = System.getenv("RAPPORT_OPENSEARCH_JAVA_HOME");
		if (given != null && !given.isBlank()) {
			return given;
		}
		Path temurin = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
		return Files.isDirectory(temurin) ? temurin.toString() : System.getProperty("java.home");
	}

	private static void ensureUser() {
		if (run("id", "-u", USER) != 0) {
			run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER);
		}
	}

	private static int run(String... command) {
		try {
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void waitUntilUp(String url, Process process, Path log) throws IOException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest
			.newBuilder(URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("OpenSearch stopped at start:\n" + tail(log));
				}
				try {
					return client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
				}
				catch (IOException notYet) {
					return false;
				}
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("OpenSearch did not start within 3 minutes:\n" + tail(log), ex);
		}
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

}
