package io.rapport.shared.search;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.rapport.IntegrationTest;
import jakarta.persistence.EntityManager;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rebuilding an index online, with its progress recorded, resuming where a dead node stopped. */
class SearchIndexesTests extends IntegrationTest {

	static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000 + 500_000_000_000L);

	@Autowired
	SearchIndexes indexes;

	@Autowired
	ReindexRuns runs;

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	long save(String title) {
		long id = IDS.incrementAndGet();
		transactions.executeWithoutResult(t -> entityManager.persist(new SearchTestDocument(id, "en", title, title)));
		return id;
	}

	/** Rows whose index documents are gone, as after a lost data directory (the rows stay in the table). */
	void dropDocuments(List<Long> ids) {
		transactions.executeWithoutResult(t -> {
			var plan = Search.session(entityManager).indexingPlan();
			ids.forEach(id -> plan.purge(SearchTestDocument.class, id, null));
		});
	}

	List<Long> indexedIds(List<Long> ids) {
		return transactions.execute(t -> Search.session(entityManager)
			.search(SearchTestDocument.class)
			.select(f -> f.id(Long.class))
			.where(f -> f.id().matchingAny(ids))
			.fetchAllHits());
	}

	@Test
	void aRebuildPutsBackEveryDocumentAndRecordsItsProgress() {
		List<Long> ids = List.of(save("one"), save("two"), save("three"));
		dropDocuments(ids);
		assertThat(indexedIds(ids)).isEmpty();

		List<SearchIndexes.Run> queued = queueOnly();
		indexes.work();

		assertThat(indexedIds(ids)).containsExactlyInAnyOrderElementsOf(ids);
		SearchIndexes.Run run = indexes.run(queued.get(0).id()).orElseThrow();
		assertThat(run.status()).isEqualTo("DONE");
		assertThat(run.done()).isEqualTo(run.total()).isGreaterThanOrEqualTo(3);
		assertThat(run.percent()).isEqualTo(100);
		assertThat(run.startedAt()).isNotNull();
		assertThat(run.finishedAt()).isNotNull();
		assertThat(indexes.types()).anySatisfy(type -> {
			assertThat(type.name()).isEqualTo("SearchTestDocument");
			assertThat(type.documents()).isEqualTo(type.rows());
			assertThat(type.rebuilding()).isFalse();
		});
	}

	@Test
	void aRebuildLeavesTheIndexInOneSegment() throws Exception {
		for (String title : List.of("first", "second", "third")) {
			save(title);
			Search.mapping(entityManager.getEntityManagerFactory()).scope(SearchTestDocument.class).workspace().flush();
		}
		assertThat(segments()).isGreaterThan(1);

		queueOnly();
		indexes.work();

		assertThat(segments()).isEqualTo(1);
	}

	/** The segments a search of the test type reads. */
	int segments() throws Exception {
		var scope = Search.mapping(entityManager.getEntityManagerFactory()).scope(SearchTestDocument.class);
		scope.workspace().refresh();
		try (var reader = scope.extension(LuceneExtension.get()).openIndexReader()) {
			return reader.leaves().size();
		}
	}

	/** Queues a rebuild of the test type without the background start, so the test does the work itself. */
	List<SearchIndexes.Run> queueOnly() {
		return transactions.execute(t -> {
			long rows = jdbc.queryForObject("select count(*) from search_test_documents", Long.class);
			ReindexRun run = runs.save(new ReindexRun("SearchTestDocument", ReindexRun.Reason.ADMIN, "admin@localhost",
					rows, clock.instant()));
			return List.of(indexes.run(run.getId()).orElseThrow());
		});
	}

	@Test
	void aRebuildADeadNodeLeftResumesAfterItsLastIdAndAFreshOneIsLeftToItsNode() {
		List<Long> ids = List.of(save("a"), save("b"), save("c"), save("d"), save("e"));
		dropDocuments(ids);
		long after = jdbc.queryForObject("select count(*) from search_test_documents where id > ?", Long.class,
				ids.get(2));
		ReindexRun dead = transactions.execute(t -> runs.save(ReindexRun.interrupted("SearchTestDocument", 1000, 700,
				String.valueOf(ids.get(2)), clock.instant().minus(Duration.ofMinutes(5)))));
		ReindexRun alive = transactions.execute(t -> runs.save(ReindexRun.interrupted("SearchTestDocument", 1000, 10,
				null, clock.instant().minusSeconds(10))));

		indexes.work();

		// resumed: the rows after the last id are indexed, those before it were not read again
		assertThat(indexedIds(ids)).containsExactlyInAnyOrder(ids.get(3), ids.get(4));
		SearchIndexes.Run resumed = indexes.run(dead.getId()).orElseThrow();
		assertThat(resumed.status()).isEqualTo("DONE");
		assertThat(resumed.done()).isEqualTo(700 + after);
		// a run whose node still beats is not taken
		assertThat(indexes.run(alive.getId()).orElseThrow().status()).isEqualTo("RUNNING");
		transactions.executeWithoutResult(t -> runs.deleteById(alive.getId()));
	}

	@Test
	void aRebuildOfAnUnknownTypeIsRefusedAndATypeUnderWayIsNotQueuedTwice() {
		assertThatThrownBy(() -> indexes.rebuild("Nothing", "admin@localhost"))
			.isInstanceOf(IllegalArgumentException.class);
		ReindexRun running = transactions.execute(t -> runs.save(ReindexRun.interrupted("SearchTestDocument", 10, 1,
				null, clock.instant())));

		assertThat(indexes.rebuild("SearchTestDocument", "admin@localhost")).isEmpty();
		assertThat(indexes.busy()).isTrue();
		transactions.executeWithoutResult(t -> runs.deleteById(running.getId()));
	}

	@Test
	void anEmptyIndexOverATableWithRowsIsRebuiltAtStart() {
		List<Long> ids = List.of(save("x"), save("y"));
		transactions.executeWithoutResult(t -> Search.session(entityManager).workspace(SearchTestDocument.class).purge());
		assertThat(indexedIds(ids)).isEmpty();

		indexes.rebuildEmptyIndexes();

		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(indexedIds(ids)).containsExactlyInAnyOrderElementsOf(ids));
		assertThat(indexes.recent(5)).anySatisfy(run -> {
			assertThat(run.reason()).isEqualTo("EMPTY");
			assertThat(run.entityName()).isEqualTo("SearchTestDocument");
		});
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !indexes.busy());
	}

}
