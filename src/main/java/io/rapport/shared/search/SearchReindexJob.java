package io.rapport.shared.search;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a minute, takes the index rebuilds no node is doing: queued ones whose background start was lost, and
 * those a node was doing when it died (no heartbeat for {@link SearchIndexes#STALE}): they resume after their last
 * id. Rebuilds an admin asks for start at once, without waiting for this job.
 */
@Component
public class SearchReindexJob {

	private final SearchIndexes indexes;

	SearchReindexJob(SearchIndexes indexes) {
		this.indexes = indexes;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	@SchedulerLock(name = "search-reindex")
	public void resume() {
		indexes.work();
	}

}
