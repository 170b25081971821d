import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The search benchmark (bench/search.sh, bench/README.md "Search"): generates a corpus of help-center articles and
 * ticket conversations in en, zh, ro, ta and eo from the demo's translated articles, writes it into the app's own
 * tables with COPY, builds PostgreSQL full-text tables over the same text, waits for the app's reindex, and
 * measures the app's search API against PostgreSQL's full-text search at the same concurrency.
 *
 * <pre>
 * SearchBench load     jdbcUrl articles tickets messages seed outDir   # corpus + query files
 * SearchBench fts      jdbcUrl                                        # tsvector tables + GIN indexes, timed
 * SearchBench rebuild  baseUrl entity                                 # Admin -> Search -> rebuild one type, as the admin
 * SearchBench reindex  jdbcUrl timeoutSeconds entity                  # waits for its search_reindex_runs row
 * SearchBench run      baseUrl jdbcUrl outDir label rounds seconds concurrency warmupSeconds articles,tickets
 * SearchBench access   accessLogDir results.tsv                       # server-side times from Tomcat's access log
 * SearchBench report   results.tsv
 * </pre>
 *
 * Uses {@link Bench}'s closed loop, percentiles and token minting.
 */
public class SearchBench {

	static final List<String> LOCALES = List.of("en", "zh", "ro", "ta", "eo");

	static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

	/** Queries checked one by one for whether they found anything (the lists are shuffled: all languages). */
	static final int QUALITY_QUERIES = Integer.parseInt(Bench.env("QUALITY_QUERIES", "50"));

	static final Instant BASE = Instant.parse("2026-06-01T08:00:00Z");

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "load" -> load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
					Long.parseLong(args[5]), Path.of(args[6]));
			case "fts" -> fts(args[1]);
			case "rebuild" -> rebuild(args[1], args[2]);
			case "reindex" -> reindex(args[1], Integer.parseInt(args[2]), args[3]);
			case "run" -> run(args[1], args[2], Path.of(args[3]), args[4], Integer.parseInt(args[5]),
					Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]),
					List.of(args[9].split(",")));
			case "access" -> access(Path.of(args[1]), Path.of(args[2]));
			case "report" -> report(Path.of(args[1]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	// ---- the corpus: the demo help center's real sentences per language, mixed and permuted ----

	/** One language's material: titles, summaries, sentences, words and keywords of the demo's articles. */
	static final class Language {

		final String code;

		final List<String> titles = new ArrayList<>();

		final List<String> summaries = new ArrayList<>();

		final List<String> sentences = new ArrayList<>();

		final List<String> keywords = new ArrayList<>();

		final List<String> words = new ArrayList<>();

		Language(String code) {
			this.code = code;
		}

		boolean chinese() {
			return code.equals("zh");
		}

		/** Words of a text; for Chinese its clauses (runs between punctuation), as it has no spaces. */
		List<String> tokens(String text) {
			List<String> out = new ArrayList<>();
			String[] parts = chinese() ? text.split("[\\s\\p{P}]+") : text.split("\\s+");
			for (String p : parts) {
				String t = chinese() ? p : p.replaceAll("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$", "");
				if (!t.isBlank()) {
					out.add(t);
				}
			}
			return out;
		}

		String join(List<String> tokens) {
			return String.join(chinese() ? "" : " ", tokens);
		}

		<T> T pick(List<T> list, Random r) {
			return list.get(r.nextInt(list.size()));
		}

		/** A title: a demo title's words and one or two other words of the language, shuffled half the time. */
		String title(Random r) {
			List<String> t = new ArrayList<>(tokens(pick(titles, r)));
			int extra = 1 + r.nextInt(2);
			for (int i = 0; i < extra; i++) {
				t.add(r.nextInt(t.size() + 1), pick(words, r));
			}
			if (r.nextBoolean()) {
				Collections.shuffle(t, r);
			}
			String s = join(t);
			return s.length() > 280 ? s.substring(0, 280) : s;
		}

		/** A sentence of the language, its words permuted half the time. */
		String sentence(Random r) {
			String s = pick(sentences, r);
			if (r.nextBoolean()) {
				List<String> t = new ArrayList<>(tokens(s));
				Collections.shuffle(t, r);
				s = join(t) + (chinese() ? "。" : ".");
			}
			return s;
		}

		String paragraphs(Random r, int sentences, String separator) {
			StringBuilder b = new StringBuilder();
			for (int i = 0; i < sentences; i++) {
				if (i > 0) {
					b.append(i % 3 == 0 ? separator : chinese() ? "" : " ");
				}
				b.append(sentence(r));
			}
			return b.toString();
		}

		/** A query typed by someone who read the text: two of its words (four characters of a Chinese run). */
		String query(String text, Random r) {
			if (chinese()) {
				String han = text.replaceAll("[^\\p{IsHan}]", "");
				if (han.length() < 4) {
					return han.isEmpty() ? pick(keywords, r) : han;
				}
				int from = r.nextInt(han.length() - 3);
				return han.substring(from, from + 4); // no spaces: the analyzers' bigrams must find it
			}
			int min = code.equals("ta") ? 3 : 4;
			List<String> candidates = tokens(text).stream().filter(w -> w.codePointCount(0, w.length()) >= min)
				.distinct().toList();
			if (candidates.isEmpty()) {
				return pick(keywords, r);
			}
			if (candidates.size() == 1) {
				return candidates.get(0);
			}
			List<String> two = new ArrayList<>(candidates);
			Collections.shuffle(two, r);
			String q = two.get(0) + " " + two.get(1);
			if (code.equals("ro") && r.nextBoolean()) {
				q = fold(q); // a Romanian query typed without diacritics
			}
			return q;
		}
	}

	static String fold(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
	}

	/** The demo help center's texts, read from the app's classes (io.rapport.demo.DemoHelpCenter). */
	static Map<String, Language> languages() throws Exception {
		Class<?> demo = Class.forName("io.rapport.demo.DemoHelpCenter");
		Method articles = demo.getDeclaredMethod("articles");
		articles.setAccessible(true);
		Map<String, Language> out = new LinkedHashMap<>();
		for (String code : LOCALES) {
			out.put(code, new Language(code));
		}
		for (Object article : (List<?>) articles.invoke(null)) {
			Map<?, ?> texts = (Map<?, ?>) call(article, "texts");
			for (Map.Entry<?, ?> e : texts.entrySet()) {
				Language language = out.get((String) e.getKey());
				Object text = e.getValue();
				language.titles.add((String) call(text, "title"));
				String summary = (String) call(text, "summary");
				if (summary != null) {
					language.summaries.add(summary);
				}
				for (Object k : (List<?>) call(text, "keywords")) {
					language.keywords.add((String) k);
				}
				String body = ((String) call(text, "body")).replaceAll("\\*+|`|#+ |\\[|\\]\\([^)]*\\)", "");
				for (String line : body.split("\n")) {
					String l = line.replaceFirst("^\\s*(\\d+\\.|-)\\s+", "").strip();
					for (String s : l.split("(?<=[.!?。！？])\\s*")) {
						if (s.codePointCount(0, s.length()) >= (language.chinese() ? 6 : 20)) {
							language.sentences.add(s.strip());
						}
					}
				}
			}
		}
		for (Language language : out.values()) {
			List<String> all = new ArrayList<>();
			for (String s : language.sentences) {
				all.addAll(language.tokens(s));
			}
			for (String s : language.titles) {
				all.addAll(language.tokens(s));
			}
			language.words.addAll(all.stream().filter(w -> w.length() >= 2).distinct().toList());
			System.out.printf("corpus %s: %d titles, %d sentences, %d distinct words%n", language.code,
					language.titles.size(), language.sentences.size(), language.words.size());
		}
		return out;
	}

	static Object call(Object target, String method) throws Exception {
		Method m = target.getClass().getDeclaredMethod(method);
		m.setAccessible(true);
		return m.invoke(target);
	}

	// ---- load: COPY into the app's tables ----

	static void load(String url, int articleCount, int ticketCount, int messageCount, long seed, Path out)
			throws Exception {
		Map<String, Language> languages = languages();
		Random r = new Random(seed);
		Files.createDirectories(out);
		Method normalize = Class.forName("io.rapport.tickets.internal.SearchText").getDeclaredMethod("normalize",
				String.class);
		normalize.setAccessible(true);
		Map<String, List<String>> articleQueries = new TreeMap<>();
		Map<String, List<String>> ticketQueries = new TreeMap<>();
		long t0 = System.nanoTime();
		try (Connection c = Bench.connect(url)) {
			c.setAutoCommit(false);
			long group;
			Long agent;
			try (Statement s = c.createStatement()) {
				ResultSet rs = s.executeQuery("select id from support_groups where group_key = 'tier1'");
				rs.next();
				group = rs.getLong(1);
				rs = s.executeQuery("select min(id) from agents");
				rs.next();
				agent = (Long) rs.getObject(1, Long.class);
			}
			// articles: one translation each, the locales in turn (one COPY at a time: a connection has one open)
			String[] kinds = { "GUIDE", "WALKTHROUGH", "FAQ" };
			try (Copy articles = new Copy(c, "kb_articles (id, kind, category_id, visibility, default_locale, "
					+ "video_url, position, source_ticket_id, version, created_at, updated_at)")) {
				for (int i = 1; i <= articleCount; i++) {
					String created = ts(BASE.minusSeconds(600L * (articleCount - i)));
					articles.row(i, kinds[i % kinds.length], null, "PUBLIC", LOCALES.get(i % LOCALES.size()), null, i,
							null, 0, created, created);
				}
			}
			try (Copy translations = new Copy(c, "kb_translations (id, article_id, locale, title, slug, summary, "
					+ "body, keywords, state, author_id, reviewer_id, revision, source_revision, version, "
					+ "created_at, updated_at, published_at)")) {
				for (int i = 1; i <= articleCount; i++) {
					Language language = languages.get(LOCALES.get(i % LOCALES.size()));
					String created = ts(BASE.minusSeconds(600L * (articleCount - i)));
					String title = language.title(r);
					String body = language.paragraphs(r, 4 + r.nextInt(6), "\n\n");
					String keywords = language.pick(language.keywords, r) + ", " + language.pick(language.keywords, r);
					translations.row(i, i, language.code, title, "bench-" + i, language.pick(language.summaries, r),
							body, keywords, "PUBLISHED", null, null, 1, null, 0, created, created, created);
					if (r.nextInt(Math.max(1, articleCount / 2000)) == 0) {
						articleQueries.computeIfAbsent(language.code, k -> new ArrayList<>())
							.add(language.query(r.nextInt(3) == 0 ? body : title, r));
					}
				}
			}
			System.out.printf("articles: %d written in %.1f s%n", articleCount, (System.nanoTime() - t0) / 1e9);
			long t1 = System.nanoTime();
			int contacts = Math.max(1, ticketCount / 10);
			String[] contactNames = new String[contacts + 1];
			String[] contactLocales = new String[contacts + 1];
			try (Copy copy = new Copy(c, "contacts (id, email, name, account_id, created_at, version, locale)")) {
				for (int i = 1; i <= contacts; i++) {
					contactLocales[i] = LOCALES.get(i % LOCALES.size());
					contactNames[i] = "Customer " + i;
					copy.row(i, "bench-customer-" + i + "@example.com", contactNames[i], null, ts(BASE), 0,
							contactLocales[i]);
				}
			}
			String[] statuses = { "NEW", "OPEN", "PENDING", "SOLVED", "SOLVED", "CLOSED" };
			String[] channels = { "EMAIL", "EMAIL", "PORTAL", "CHAT", "API" };
			String[] types = { "QUESTION", "INCIDENT", "PROBLEM", "TASK" };
			int[] requester = new int[ticketCount + 1];
			try (Copy tickets = new Copy(c, "tickets (id, ticket_number, subject, requester_id, account_id, type, "
					+ "priority, status, channel, group_id, assignee_id, created_at, updated_at, first_response_at, "
					+ "solved_at, version, search_key, requester_key, account_key, requester_locale)")) {
				for (int t = 1; t <= ticketCount; t++) {
					int contact = 1 + r.nextInt(contacts);
					requester[t] = contact;
					Language language = languages.get(contactLocales[contact]);
					String subject = language.title(r);
					if (subject.length() > 240) {
						subject = subject.substring(0, 240);
					}
					Instant created = BASE.minusSeconds(60L * (ticketCount - t));
					String status = statuses[r.nextInt(statuses.length)];
					String email = "bench-customer-" + contact + "@example.com";
					String key = (String) normalize.invoke(null, subject + " " + contactNames[contact] + " " + email + " ");
					tickets.row(t, t, subject, contact, null, types[r.nextInt(types.length)], "NORMAL", status,
							channels[r.nextInt(channels.length)], group, null, ts(created), ts(created.plusSeconds(3600)),
							ts(created.plusSeconds(600)), status.equals("SOLVED") || status.equals("CLOSED")
									? ts(created.plusSeconds(3600)) : null,
							0, key.length() > 1200 ? key.substring(0, 1200) : key,
							normalize.invoke(null, contactNames[contact]), null, language.code);
				}
			}
			long messageId = 0;
			int average = Math.max(1, messageCount / Math.max(1, ticketCount));
			try (Copy messages = new Copy(c, "messages (id, ticket_id, author_kind, author_id, visibility, "
					+ "body_html, created_at)")) {
				for (int t = 1; t <= ticketCount; t++) {
					int contact = requester[t];
					Language language = languages.get(contactLocales[contact]);
					Instant created = BASE.minusSeconds(60L * (ticketCount - t));
					int left = messageCount - (int) messageId;
					int ticketsLeft = ticketCount - t;
					int n = t == ticketCount ? left : Math.max(1, Math.min(left - ticketsLeft, 1 + r.nextInt(2 * average - 1)));
					for (int m = 0; m < n; m++) {
						boolean customer = m % 2 == 0;
						boolean note = !customer && r.nextInt(5) == 0;
						Language written = note && r.nextInt(5) == 0 ? languages.get("en") : language;
						String text = written.paragraphs(r, 2 + r.nextInt(3), "</p><p>");
						messages.row(++messageId, t, customer ? "CONTACT" : "AGENT", customer ? contact : agent,
								note ? "INTERNAL" : "PUBLIC", "<p>" + text.replace("&", "&amp;") + "</p>",
								ts(created.plusSeconds(300L * m)));
						if (!note && r.nextInt(Math.max(1, messageCount / 2000)) == 0) {
							ticketQueries.computeIfAbsent(language.code, k -> new ArrayList<>())
								.add(language.query(text.replaceAll("<[^>]+>", " "), r));
						}
					}
				}
			}
			System.out.printf("tickets: %d with %d messages (%d contacts) written in %.1f s%n", ticketCount,
					messageId, contacts, (System.nanoTime() - t1) / 1e9);
			try (Statement s = c.createStatement()) {
				long room = 1000;
				s.execute("select setval('kb_articles_seq', " + (articleCount + room) + ")");
				s.execute("select setval('kb_translations_seq', " + (articleCount + room) + ")");
				s.execute("select setval('contacts_seq', (select max(id) from contacts) + " + room + ")");
				s.execute("select setval('tickets_seq', " + (ticketCount + room) + ")");
				s.execute("select setval('messages_seq', " + (messageId + room) + ")");
			}
			c.commit();
			c.setAutoCommit(true);
			long t2 = System.nanoTime();
			try (Statement s = c.createStatement()) {
				s.execute("analyze");
			}
			System.out.printf("analyze: %.1f s; load in all %.1f s%n", (System.nanoTime() - t2) / 1e9,
					(System.nanoTime() - t0) / 1e9);
		}
		writeQueries(out.resolve("queries-articles.tsv"), articleQueries);
		writeQueries(out.resolve("queries-tickets.tsv"), ticketQueries);
	}

	static void writeQueries(Path file, Map<String, List<String>> byLocale) throws IOException {
		StringBuilder b = new StringBuilder();
		byLocale.forEach((locale, queries) -> queries.stream().distinct()
			.forEach(q -> b.append(locale).append('\t').append(q).append('\n')));
		Files.writeString(file, b.toString());
		System.out.printf("%s: %s%n", file.getFileName(), byLocale.entrySet().stream()
			.map(e -> e.getKey() + " " + e.getValue().stream().distinct().count()).toList());
	}

	static String ts(Instant instant) {
		return instant.toString().replace('T', ' ').replace("Z", "+00");
	}

	/** COPY … FROM STDIN in text format, written in chunks. */
	static final class Copy implements AutoCloseable {

		final CopyIn in;

		final StringBuilder buffer = new StringBuilder(1 << 20);

		Copy(Connection c, String table) throws SQLException {
			in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN");
		}

		void row(Object... values) throws SQLException {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					buffer.append('\t');
				}
				Object v = values[i];
				if (v == null) {
					buffer.append("\\N");
				}
				else {
					String s = v.toString();
					for (int j = 0; j < s.length(); j++) {
						char ch = s.charAt(j);
						switch (ch) {
							case '\\' -> buffer.append("\\\\");
							case '\t' -> buffer.append("\\t");
							case '\n' -> buffer.append("\\n");
							case '\r' -> buffer.append("\\r");
							default -> buffer.append(ch);
						}
					}
				}
			}
			buffer.append('\n');
			if (buffer.length() > (1 << 20)) {
				flush();
			}
		}

		void flush() throws SQLException {
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			in.writeToCopy(bytes, 0, bytes.length);
			buffer.setLength(0);
		}

		@Override
		public void close() throws SQLException {
			flush();
			in.endCopy();
		}
	}

	// ---- PostgreSQL's own full-text search over the same text ----

	static final String ARTICLE_FTS = """
			drop table if exists bench_fts_articles;
			create table bench_fts_articles as
			select t.id, t.locale, t.title,
			       setweight(to_tsvector(c.cfg, t.title), 'A') || setweight(to_tsvector(c.cfg, coalesce(t.keywords, '')), 'B')
			       || setweight(to_tsvector(c.cfg, coalesce(t.summary, '')), 'C') || setweight(to_tsvector(c.cfg, t.body), 'D') as tsv
			from kb_translations t
			cross join lateral (select (case t.locale when 'en' then 'english' else 'simple' end)::regconfig as cfg) c
			where t.state = 'PUBLISHED';
			alter table bench_fts_articles add primary key (id);
			create index bench_fts_articles_tsv on bench_fts_articles using gin (tsv);
			analyze bench_fts_articles;
			""";

	static final String TICKET_FTS = """
			drop table if exists bench_fts_tickets;
			create table bench_fts_tickets as
			select k.id, k.subject,
			       setweight(to_tsvector(c.cfg, k.subject), 'A')
			       || to_tsvector(c.cfg, coalesce((select string_agg(regexp_replace(m.body_html, '<[^>]+>', ' ', 'g'), ' ' order by m.id)
			                                       from messages m where m.ticket_id = k.id), '')) as tsv
			from tickets k
			cross join lateral (select (case k.requester_locale when 'en' then 'english' else 'simple' end)::regconfig as cfg) c;
			alter table bench_fts_tickets add primary key (id);
			create index bench_fts_tickets_tsv on bench_fts_tickets using gin (tsv);
			analyze bench_fts_tickets;
			""";

	static void ticketFts(String url) throws Exception {
		try (Connection c = Bench.connect(url); Statement s = c.createStatement()) {
			if (s.executeQuery("select to_regclass('bench_fts_tickets') is not null").next() && s.getResultSet()
				.getBoolean(1)) {
				return;
			}
			s.execute("set maintenance_work_mem = '256MB'");
			long t0 = System.nanoTime();
			for (String sql : TICKET_FTS.split(";\n")) {
				if (!sql.isBlank()) {
					s.execute(sql);
				}
			}
			System.out.printf("postgresql full-text table + GIN index for tickets: %.1f s%n", (System.nanoTime() - t0) / 1e9);
		}
	}

	static void fts(String url) throws Exception {
		try (Connection c = Bench.connect(url); Statement s = c.createStatement()) {
			s.execute("set maintenance_work_mem = '256MB'");
			// the tickets' table is built by "run" when it first measures tickets (after their reindex)
			for (String[] part : new String[][] { { "articles", ARTICLE_FTS } }) {
				long t0 = System.nanoTime();
				for (String sql : part[1].split(";\n")) {
					if (!sql.isBlank()) {
						s.execute(sql);
					}
				}
				System.out.printf("postgresql full-text table + GIN index for %s: %.1f s%n", part[0],
						(System.nanoTime() - t0) / 1e9);
			}
		}
	}

	// ---- the app's reindex: asked for on Admin -> Search as an admin would, recorded in search_reindex_runs ----

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	/** Signs in on the login page and presses "Rebuild index" (every type) on Admin -> Search. */
	static void rebuild(String baseUrl, String entity) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String login = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		HttpResponse<String> signedIn = client.send(form(baseUrl + "/login", "email=" + enc(Bench.env(
				"RAPPORT_ADMIN_EMAIL", "admin@localhost")) + "&password=" + enc(Bench.env("RAPPORT_ADMIN_PASSWORD",
						"admin-password-1")) + "&_csrf=" + enc(csrf(login))), HttpResponse.BodyHandlers.ofString());
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + location);
		}
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/search")).build(),
				HttpResponse.BodyHandlers.ofString());
		if (page.statusCode() != 200) {
			throw new IllegalStateException("/admin/search answered " + page.statusCode());
		}
		HttpResponse<String> rebuilt = client.send(form(baseUrl + "/admin/search/rebuild",
				"entity=" + enc(entity) + "&_csrf=" + enc(csrf(page.body()))), HttpResponse.BodyHandlers.ofString());
		if (rebuilt.statusCode() != 302) {
			throw new IllegalStateException("/admin/search/rebuild answered " + rebuilt.statusCode());
		}
		System.out.println("rebuild of " + entity + " asked at " + Instant.now());
	}

	static HttpRequest form(String url, String body) {
		return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no _csrf field in the page");
		}
		return m.group(1) != null ? m.group(1) : m.group(2);
	}


	static void reindex(String url, int timeoutSeconds, String entity) throws Exception {
		long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
		// The server's CPU from the rebuild's request (just before) to its end: the number to compare builds on a
		// busy machine, where the wall clock says more about the neighbours (polled every second, so at most a
		// second of an idle server is counted too).
		long cpuBefore = Bench.serverCpuNanos();
		try (Connection c = Bench.connect(url)) {
			while (true) {
				List<String> lines = new ArrayList<>();
				boolean active = false;
				try (ResultSet rs = c.createStatement().executeQuery("select entity_name, status, reason, total, done, "
						+ "requested_at, started_at, finished_at, error from search_reindex_runs where entity_name = '"
						+ entity.replace("'", "") + "' order by id")) {
					while (rs.next()) {
						String status = rs.getString(2);
						active |= status.equals("QUEUED") || status.equals("RUNNING");
						Timestamp started = rs.getTimestamp(7);
						Timestamp finished = rs.getTimestamp(8);
						double seconds = started == null ? Double.NaN
								: ((finished == null ? System.currentTimeMillis() : finished.getTime()) - started.getTime()) / 1e3;
						lines.add(String.format("%s\t%s\t%s\t%d\t%d\t%.1f\t%.0f\t%s", rs.getString(1), status,
								rs.getString(3), rs.getLong(4), rs.getLong(5), seconds, rs.getLong(5) / seconds,
								rs.getString(9) == null ? "" : rs.getString(9)));
					}
				}
				if (!lines.isEmpty() && !active) {
					long cpu = Bench.serverCpuNanos() - cpuBefore;
					String last = lines.get(lines.size() - 1);
					long done = Long.parseLong(last.split("\t")[4]);
					System.out.println(last + (cpuBefore < 0 ? "\t\t" : String.format("\t%.1f\t%.2f", cpu / 1e9,
							cpu / 1e9 / Math.max(1, done) * 1000)));
					return;
				}
				if (System.nanoTime() > deadline) {
					lines.forEach(System.out::println);
					throw new IllegalStateException("reindex not done within " + timeoutSeconds + " s");
				}
				System.err.println("reindex: " + String.join(" | ", lines));
				Thread.sleep(1000);
			}
		}
	}

	// ---- measuring ----

	record Query(String locale, String text) {
	}

	static List<Query> queries(Path file, long seed) throws IOException {
		List<Query> out = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			String[] f = line.split("\t", 2);
			if (f.length == 2 && !f[1].isBlank()) {
				out.add(new Query(f[0], f[1]));
			}
		}
		Collections.shuffle(out, new Random(seed));
		return out;
	}

	/** Hands out the queries in turn, to every worker. */
	static final class Cycle {

		final List<Query> queries;

		final AtomicLong next = new AtomicLong();

		Cycle(List<Query> queries) {
			this.queries = queries;
		}

		Query next() {
			return queries.get((int) (next.getAndIncrement() % queries.size()));
		}
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static HttpRequest articleRequest(String baseUrl, Query q) {
		return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/search/articles?size=10&locale=" + q.locale()
				+ "&q=" + enc(q.text()))).timeout(Duration.ofSeconds(30)).build();
	}

	static HttpRequest ticketRequest(String baseUrl, String token, Query q) {
		return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/search/tickets?size=10&q=" + enc(q.text())))
			.header("Authorization", "Bearer " + token).header("Accept-Language", q.locale())
			.timeout(Duration.ofSeconds(30)).build();
	}

	static final String PG_ARTICLES = "select f.id, f.title, ts_rank(f.tsv, q) as rank from bench_fts_articles f, "
			+ "plainto_tsquery(?::regconfig, ?) q where f.tsv @@ q order by rank desc limit 10";

	static final String PG_TICKETS = "select f.id, f.subject, ts_rank(f.tsv, q) as rank from bench_fts_tickets f, "
			+ "plainto_tsquery(?::regconfig, ?) q where f.tsv @@ q order by rank desc limit 10";

	static String config(String locale) {
		return locale.equals("en") ? "english" : "simple";
	}

	static void run(String baseUrl, String jdbcUrl, Path out, String label, int rounds, int seconds, int concurrency,
			int warmup, List<String> kinds) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		String token = Bench.mintToken(client, baseUrl);
		Cycle articles = new Cycle(queries(out.resolve("queries-articles.tsv"), 1));
		Cycle tickets = new Cycle(queries(out.resolve("queries-tickets.tsv"), 2));
		if (kinds.contains("tickets")) {
			ticketFts(jdbcUrl);
		}
		BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(concurrency);
		for (int i = 0; i < concurrency; i++) {
			Connection c = Bench.connect(jdbcUrl);
			c.createStatement().execute("set jit = off"); // PostgreSQL 15's JIT costs more than it gives here
			pool.add(c);
		}
		Map<String, Bench.Action> scenarios = new LinkedHashMap<>();
		if (kinds.contains("articles")) {
			scenarios.put("app articles", () -> http(client, articleRequest(baseUrl, articles.next())));
			scenarios.put("pg articles", () -> pg(pool, PG_ARTICLES, articles.next()));
		}
		if (kinds.contains("tickets")) {
			scenarios.put("app tickets", () -> http(client, ticketRequest(baseUrl, token, tickets.next())));
			scenarios.put("pg tickets", () -> pg(pool, PG_TICKETS, tickets.next()));
		}
		try {
			quality(client, baseUrl, token, pool, kinds, articles.queries, tickets.queries, out, label);
			if (warmup > 0) {
				for (Map.Entry<String, Bench.Action> s : scenarios.entrySet()) {
					Bench.Result r = Bench.run(concurrency, s.getKey().startsWith("app") ? warmup : Math.max(5, warmup / 3),
							s.getValue());
					System.out.printf("[%s] warm-up %-13s %8.1f/s  p50 %6.2f  p95 %6.2f ms (%d errors)%n", label,
							s.getKey(), r.perSecond(), r.p50(), r.p95(), r.errors());
				}
			}
			for (int round = 1; round <= rounds; round++) {
				for (Map.Entry<String, Bench.Action> s : scenarios.entrySet()) {
					String name = label + "|" + round + "|" + s.getKey();
					boolean app = s.getKey().startsWith("app");
					if (app) {
						mark(client, baseUrl, "start", name);
					}
					Bench.Result r = app ? Bench.measured(concurrency, seconds, s.getValue())
							: Bench.run(concurrency, seconds, s.getValue());
					if (app) {
						mark(client, baseUrl, "end", name);
					}
					Bench.record(out.resolve("results.tsv"), label, round, s.getKey(), r);
				}
			}
		}
		finally {
			for (Connection c : pool) {
				c.close();
			}
		}
	}

	static void http(HttpClient client, HttpRequest request) throws Exception {
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(300, response.body().length())));
		}
	}

	static int pg(BlockingQueue<Connection> pool, String sql, Query q) throws Exception {
		Connection c = pool.take();
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setString(1, config(q.locale()));
			ps.setString(2, q.text());
			int rows = 0;
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					rows++;
				}
			}
			return rows;
		}
		finally {
			pool.add(c);
		}
	}

	/** A request the access log records as a boundary between scenarios (answered 401/404; never searched). */
	static void mark(HttpClient client, String baseUrl, String what, String name) throws Exception {
		client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/bench-mark/" + what + "/" + enc(name))).build(),
				HttpResponse.BodyHandlers.discarding());
	}

	/** Each query once, one at a time: how many found something, in the app and in PostgreSQL. */
	static void quality(HttpClient client, String baseUrl, String token, BlockingQueue<Connection> pool,
			List<String> kinds, List<Query> articles, List<Query> tickets, Path out, String label) throws Exception {
		StringBuilder b = new StringBuilder();
		for (String kind : kinds) {
			List<Query> all = kind.equals("articles") ? articles : tickets;
			List<Query> queries = all.subList(0, Math.min(all.size(), QUALITY_QUERIES));
			Map<String, int[]> byLocale = new TreeMap<>(); // queries, app found, pg found
			for (Query q : queries) {
				HttpRequest request = kind.equals("articles") ? articleRequest(baseUrl, q)
						: ticketRequest(baseUrl, token, q);
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				Matcher m = TOTAL.matcher(response.body());
				long appTotal = response.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : -1;
				int pgRows = pg(pool, kind.equals("articles") ? PG_ARTICLES : PG_TICKETS, q);
				int[] counts = byLocale.computeIfAbsent(q.locale(), k -> new int[3]);
				counts[0]++;
				counts[1] += appTotal > 0 ? 1 : 0;
				counts[2] += pgRows > 0 ? 1 : 0;
			}
			byLocale.forEach((locale, c) -> b.append(String.join("\t", label, kind, locale, String.valueOf(c[0]),
					String.valueOf(c[1]), String.valueOf(c[2]))).append('\n'));
		}
		Files.writeString(out.resolve("found.tsv"), b.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		System.out.print("label\tkind\tlocale\tqueries\tapp found\tpg found\n" + b);
	}

	// ---- server-side time, from Tomcat's access log ("%m %U %s %{us}T") between the markers ----

	static void access(Path dir, Path results) throws IOException {
		List<String> lines = new ArrayList<>();
		try (var files = Files.list(dir)) {
			for (Path p : files.sorted().toList()) {
				lines.addAll(Files.readAllLines(p));
			}
		}
		String current = null;
		List<Long> micros = new ArrayList<>();
		for (String line : lines) {
			String[] f = line.split(" ");
			if (f.length < 4) {
				continue;
			}
			if (f[1].startsWith("/bench-mark/")) {
				String[] parts = f[1].substring("/bench-mark/".length()).split("/", 2);
				String name = java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
				if (parts[0].equals("start")) {
					current = name;
					micros.clear();
				}
				else if (name.equals(current)) {
					String[] n = current.split("\\|");
					long[] sorted = micros.stream().mapToLong(us -> us * 1000).sorted().toArray();
					Bench.Result r = new Bench.Result(sorted.length, 0, Double.NaN, Double.NaN, Bench.pct(sorted, 50),
							Bench.pct(sorted, 95), Bench.pct(sorted, 99), Double.NaN);
					Bench.record(results, n[0], Integer.parseInt(n[1]), n[2] + " (server)", r);
					current = null;
				}
				continue;
			}
			if (current != null && f[1].startsWith("/api/v1/search/") && f[2].equals("200")) {
				micros.add(Long.parseLong(f[3]));
			}
		}
	}

	// ---- report: medians over the rounds, and the ratios ----

	static void report(Path results) throws IOException {
		Map<String, Map<String, List<double[]>>> rows = new LinkedHashMap<>(); // label -> scenario -> rounds
		for (String line : Files.readAllLines(results)) {
			String[] f = line.split("\t");
			double[] v = { d(f[6]), d(f[7]), d(f[8]), d(f[9]), d(f[10]), Double.parseDouble(f[3]),
					Double.parseDouble(f[4]) };
			rows.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).computeIfAbsent(f[2], k -> new ArrayList<>()).add(v);
		}
		StringBuilder b = new StringBuilder();
		for (Map.Entry<String, Map<String, List<double[]>>> label : rows.entrySet()) {
			b.append("\n### ").append(label.getKey()).append("\n\n");
			b.append("| scenario | rounds | requests/s | p50 ms | p95 ms | p99 ms | server CPU ms/req | errors |\n");
			b.append("|---|---|---|---|---|---|---|---|\n");
			Map<String, double[]> medians = new LinkedHashMap<>();
			for (Map.Entry<String, List<double[]>> s : label.getValue().entrySet()) {
				double[] m = new double[7];
				for (int i = 0; i < 7; i++) {
					int k = i;
					m[i] = median(s.getValue().stream().mapToDouble(v -> v[k]).toArray());
				}
				double errors = s.getValue().stream().mapToDouble(v -> v[6]).sum();
				medians.put(s.getKey(), m);
				b.append(String.format("| %s | %d | %s | %.2f | %.2f | %.2f | %s | %.0f |%n", s.getKey(),
						s.getValue().size(), Double.isNaN(m[0]) ? "–" : String.format("%.1f", m[0]), m[1], m[2], m[3],
						Double.isNaN(m[4]) ? "–" : String.format("%.2f", m[4]), errors));
			}
			b.append("\n");
			for (String kind : List.of("articles", "tickets")) {
				double[] app = medians.get("app " + kind);
				double[] server = medians.get("app " + kind + " (server)");
				double[] pg = medians.get("pg " + kind);
				if (app != null && pg != null) {
					b.append(String.format("- %s: throughput app/PostgreSQL %.2f×; p95 PostgreSQL/app %.2f× (HTTP "
							+ "client-side), %s; article target p95 < 10 ms: %s%n", kind, app[0] / pg[0], pg[2] / app[2],
							server == null ? "no server-side times"
									: String.format("%.2f× (app server-side p95 %.2f ms)", pg[2] / server[2], server[2]),
							kind.equals("articles") ? (app[2] < 10 ? "met" : "not met") : "n/a"));
				}
			}
		}
		System.out.print(b);
	}

	static double d(String s) {
		return s.equals("NaN") || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
	}

	static double median(double[] values) {
		double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
		return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
	}
}
