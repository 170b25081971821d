package io.rapport.analytics.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.rapport.analytics.internal.ReportQuery.GroupBy;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * Every figure of the support lead's dashboard for one query, asked at once: the dozen queries are independent, so
 * they run side by side on a few threads (each in its own read-only transaction), and the page waits for the
 * slowest instead of the sum (3.5 s in sequence on a million tickets, docs/benchmarks.md).
 */
@Component
class DashboardFigures {

	/** Threads shared by every dashboard request: enough to overlap the queries, few enough to spare the pool. */
	static final int THREADS = 4;

	private final Reports reports;

	private final Dashboard dashboard;

	private final ExecutorService executor;

	DashboardFigures(Reports reports, Dashboard dashboard) {
		this.reports = reports;
		this.dashboard = dashboard;
		AtomicInteger count = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(THREADS, run -> {
			Thread thread = new Thread(run, "dashboard-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** The figures; {@code npsQuery} is the query without the filters NPS answers do not have. */
	record Figures(Report asa, Report asaByChannel, Report csat, List<Dashboard.Comment> comments, Report nps,
			Report sla, Report volume, List<Dashboard.Bucket> ages, List<Dashboard.Bucket> byGroup,
			List<Dashboard.Bucket> byStatus, List<Dashboard.Bucket> resolution) {
	}

	Figures of(ReportQuery q, GroupBy grain) {
		ReportQuery npsQuery = new ReportQuery(q.from(), q.to(), grain, null, null, q.account(), null);
		CompletableFuture<Report> asa = async(() -> reports.asa(q.groupedBy(grain)));
		CompletableFuture<Report> asaByChannel = async(() -> reports.asa(q.groupedBy(GroupBy.CHANNEL), false));
		CompletableFuture<Report> volume = async(() -> reports.volume(q.groupedBy(grain)));
		CompletableFuture<Report> csat = async(() -> reports.csat(q.groupedBy(grain)));
		CompletableFuture<List<Dashboard.Comment>> comments = async(() -> dashboard.latestComments(q, 10));
		CompletableFuture<Report> nps = async(() -> reports.nps(npsQuery));
		CompletableFuture<Report> sla = async(() -> reports.sla(q.groupedBy(GroupBy.TARGET)));
		CompletableFuture<List<Dashboard.Bucket>> ages = async(() -> dashboard.backlogByAge(q));
		CompletableFuture<List<Dashboard.Bucket>> byGroup = async(() -> dashboard.backlogBy("group_key", q));
		CompletableFuture<List<Dashboard.Bucket>> byStatus = async(() -> dashboard.backlogBy("status", q));
		CompletableFuture<List<Dashboard.Bucket>> resolution = async(() -> dashboard.resolutionTimes(q));
		return new Figures(join(asa), join(asaByChannel), join(csat), join(comments), join(nps), join(sla),
				join(volume), join(ages), join(byGroup), join(byStatus), join(resolution));
	}

	private <T> CompletableFuture<T> async(Supplier<T> work) {
		return CompletableFuture.supplyAsync(work, executor);
	}

	/** The figure, or the exception that stopped it, as the page would have met it asking in sequence. */
	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw e;
		}
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}
}
