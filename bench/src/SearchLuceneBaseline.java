import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.rapport.shared.search.SearchAnalysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The raw-Lucene baseline of the article search (issue 7): the app's article index, opened read-only, searched in
 * this process with the query the app builds (every language's title, keywords, summary and body fields, the asked
 * language's four times as much, the words analyzed by each language's analyzer, the published-and-public filter),
 * the best 200 kept as the app's window, their stored fields read as the app's projections read them. No Hibernate
 * Search, no Spring, no HTTP, no JSON, no database: what the search would cost if nothing but Lucene ran.
 *
 * <pre>
 * java -cp &lt;lucene jars&gt;:&lt;app classes&gt;:bench/target/classes SearchLuceneBaseline &lt;index dir&gt; &lt;queries tsv&gt; [seconds]
 * java -cp ... SearchLuceneBaseline throughput &lt;index dir&gt; &lt;queries tsv&gt; &lt;threads&gt; &lt;seconds&gt;
 * </pre>
 * Prints, per variant and in two passes (the first while the JIT still compiles), the CPU time of this thread per query (median over the queries, and mean), after a
 * warm-up of the same length, on one thread.
 */
public class SearchLuceneBaseline {

	static final List<String> LANGUAGES = List.of("en", "zh", "ro", "ta", "eo", "any");

	static final String[] FIELDS = { "title", "keywords", "summary", "body" };

	static final float[] BOOSTS = { 3f, 2f, 1.5f, 1f };

	public static void main(String[] args) throws Exception {
		if (args[0].equals("merge")) { // merge <index dir> <copy dir>: a copy of the index merged into one segment
			merge(Path.of(args[1]), Path.of(args[2]));
			return;
		}
		if (args[0].equals("throughput")) { // throughput <index dir> <queries tsv> <threads> <seconds> [top]
			throughput(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Double.parseDouble(args[4]),
					args.length > 5 ? Integer.parseInt(args[5]) : 200);
			return;
		}
		Path index = Path.of(args[0]);
		List<String[]> queries = queries(Path.of(args[1]));
		double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 20;
		Analyzer[] analyzers = analyzers();
		try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
			IndexSearcher searcher = new IndexSearcher(reader);
			System.out.printf("index: %d documents, %d segments; %d queries%n", reader.numDocs(), reader.leaves().size(),
					queries.size());
			int few = 0;
			for (String[] q : queries) {
				if (searcher.search(query(analyzers, q[0], q[1], false), 10).scoreDocs.length < 10) {
					few++;
				}
			}
			System.out.printf("the asked language alone finds fewer than 10 documents for %d of %d queries (the app then "
					+ "searches again in every language)%n", few, queries.size());
			for (int pass = 1; pass <= 2; pass++) {
			System.out.printf("pass %d%s%n", pass, pass == 1 ? " (the JIT still compiling: read pass 2)" : "");
			for (String variant : List.of("all languages, top 200", "all languages, top 200 + stored fields",
					"asked language only, top 200", "asked language only, top 200 + stored fields",
					"all languages, top 200 + stored fields of 10", "asked language only, top 20")) {
				boolean all = variant.startsWith("all");
				int stored = variant.endsWith("stored fields") ? 200 : variant.endsWith("of 10") ? 10 : 0;
				int top = variant.contains("top 20,") || variant.endsWith("top 20") ? 20 : 200;
				run(searcher, analyzers, queries, all, stored, top, seconds); // warm-up
				long[] cpu = run(searcher, analyzers, queries, all, stored, top, seconds);
				Arrays.sort(cpu);
				double mean = Arrays.stream(cpu).average().orElse(0) / 1e6;
				System.out.printf("%-48s %7d queries  median %.3f ms  mean %.3f ms  p95 %.3f ms CPU per query%n", variant,
						cpu.length, cpu[cpu.length / 2] / 1e6, mean, cpu[(int) (cpu.length * 0.95)] / 1e6);
			}
			}
		}
	}

	/**
	 * The floor under the app's article search at a concurrency: {@code threads} threads of this process search the
	 * index for {@code seconds} (after a warm-up of the same length), each its own way through the queries, as the app
	 * searches first: the asked language, the best 200 (or {@code top}), and every language again when that finds fewer than 10. No
	 * snippets, no page from the database, no HTTP: the searches per second printed are more than any server built on
	 * this index can answer on this machine.
	 */
	static void throughput(Path index, Path queryFile, int threads, double seconds, int window) throws Exception {
		List<String[]> queries = queries(queryFile);
		try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
			IndexSearcher searcher = new IndexSearcher(reader);
			System.out.printf("index: %d documents, %d segments; %d queries, %d threads, the best %d%n",
					reader.numDocs(), reader.leaves().size(), queries.size(), threads, window);
			for (String pass : List.of("warm-up", "measured")) {
				java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
				long end = System.nanoTime() + (long) (seconds * 1e9);
				List<Thread> workers = new ArrayList<>();
				long start = System.nanoTime();
				for (int t = 0; t < threads; t++) {
					int first = t * queries.size() / threads;
					Thread worker = new Thread(() -> {
						Analyzer[] analyzers = analyzers(); // each thread its own, as each server thread has
						try {
							for (int i = first; System.nanoTime() < end; i = (i + 1) % queries.size()) {
								String[] q = queries.get(i);
								TopDocs top = searcher.search(query(analyzers, q[0], q[1], false),
										new TopScoreDocCollectorManager(window, window));
								if (top.scoreDocs.length < 10) {
									searcher.search(query(analyzers, q[0], q[1], true),
											new TopScoreDocCollectorManager(window, window));
								}
								done.incrementAndGet();
							}
						}
						catch (java.io.IOException e) {
							throw new java.io.UncheckedIOException(e);
						}
					});
					workers.add(worker);
					worker.start();
				}
				for (Thread worker : workers) {
					worker.join();
				}
				System.out.printf("%s: %d searches in %.1f s, %.0f searches/s%n", pass, done.get(),
						(System.nanoTime() - start) / 1e9, done.get() / ((System.nanoTime() - start) / 1e9));
			}
		}
	}

	/** The queries file: a locale and the words, tab-separated, a query a line. */
	static List<String[]> queries(Path file) throws java.io.IOException {
		List<String[]> queries = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			String[] parts = line.split("\t", 2);
			if (parts.length == 2) {
				queries.add(parts);
			}
		}
		return queries;
	}

	/** One analyzer per language of {@link #LANGUAGES}, in its order. */
	static Analyzer[] analyzers() {
		Analyzer[] analyzers = new Analyzer[LANGUAGES.size()];
		for (int i = 0; i < analyzers.length; i++) {
			analyzers[i] = SearchAnalysis.luceneAnalyzer(LANGUAGES.get(i));
		}
		return analyzers;
	}

	static void merge(Path from, Path to) throws Exception {
		Files.createDirectories(to);
		try (var source = FSDirectory.open(from); var target = FSDirectory.open(to)) {
			for (String file : source.listAll()) {
				if (!file.equals("write.lock")) {
					target.copyFrom(source, file, file, org.apache.lucene.store.IOContext.DEFAULT);
				}
			}
			try (var writer = new org.apache.lucene.index.IndexWriter(target,
					new org.apache.lucene.index.IndexWriterConfig(null))) {
				writer.forceMerge(1);
			}
		}
	}

	static long[] run(IndexSearcher searcher, Analyzer[] analyzers, List<String[]> queries, boolean all, int stored,
			int topN, double seconds) throws Exception {
		ThreadMXBean bean = ManagementFactory.getThreadMXBean();
		long end = System.nanoTime() + (long) (seconds * 1e9);
		List<Long> times = new ArrayList<>();
		long sink = 0;
		for (int i = 0; System.nanoTime() < end; i = (i + 1) % queries.size()) {
			String[] q = queries.get(i);
			long start = bean.getCurrentThreadCpuTime();
			Query query = query(analyzers, q[0], q[1], all);
			TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(topN, topN));
			var fields = searcher.storedFields();
			for (int d = 0; d < Math.min(stored, top.scoreDocs.length); d++) {
				ScoreDoc doc = top.scoreDocs[d];
				sink += fields.document(doc.doc).getFields().size();
			}
			times.add(bean.getCurrentThreadCpuTime() - start);
		}
		if (sink == 42) {
			System.out.println();
		}
		return times.stream().mapToLong(Long::longValue).toArray();
	}

	/** The query LocalizedQuery builds for words without synonyms, typos off, and the customers' filter. */
	static Query query(Analyzer[] analyzers, String locale, String text, boolean all) {
		String[] words = text.strip().split("\\s+");
		BooleanQuery.Builder languages = new BooleanQuery.Builder();
		for (int l = 0; l < LANGUAGES.size(); l++) {
			String lang = LANGUAGES.get(l);
			boolean asked = lang.equals(locale);
			if (!all && !asked) {
				continue;
			}
			List<Query> wordClauses = new ArrayList<>();
			for (String word : words) {
				List<String> tokens = SearchAnalysis.tokens(analyzers[l], word);
				if (tokens.isEmpty()) {
					continue;
				}
				BooleanQuery.Builder fields = new BooleanQuery.Builder();
				for (int f = 0; f < FIELDS.length; f++) {
					String field = FIELDS[f] + "_" + lang;
					Query match;
					if (tokens.size() == 1) {
						match = new TermQuery(new Term(field, tokens.get(0)));
					}
					else {
						BooleanQuery.Builder b = new BooleanQuery.Builder();
						tokens.forEach(t -> b.add(new TermQuery(new Term(field, t)), Occur.SHOULD));
						if (tokens.size() >= 3) {
							b.setMinimumNumberShouldMatch((tokens.size() + 1) / 2);
						}
						match = b.build();
					}
					fields.add(new BoostQuery(match, BOOSTS[f]), Occur.SHOULD);
				}
				wordClauses.add(fields.build());
			}
			if (wordClauses.isEmpty()) {
				continue;
			}
			BooleanQuery.Builder clause = new BooleanQuery.Builder();
			wordClauses.forEach(w -> clause.add(w, Occur.SHOULD));
			int n = wordClauses.size();
			clause.setMinimumNumberShouldMatch(n <= 2 ? n : Math.max(2, n / 2));
			Query c = clause.build();
			languages.add(asked ? new BoostQuery(c, 4f) : c, Occur.SHOULD);
		}
		return new BooleanQuery.Builder().add(languages.build(), Occur.MUST)
			.add(new TermQuery(new Term("state", "PUBLISHED")), Occur.FILTER)
			.add(new TermQuery(new Term("visibility", "PUBLIC")), Occur.FILTER)
			.build();
	}
}
