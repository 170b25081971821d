package io.rapport.shared.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategyConfigurationContext;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the search indexes online, in batches, resumably (docs/search.md). A rebuild is one row per indexed
 * entity type in {@code search_reindex_runs}; a worker takes a row ({@link #work()}), reads the table in batches of
 * {@link #BATCH} rows ordered by id, and adds or updates each row's document: the index is never emptied, so
 * searches keep answering while it runs. After each batch it records the last id and beats its heart; a run whose
 * node died (no heartbeat for {@link #STALE}) is taken again by the next worker (the scheduled
 * {@link SearchReindexJob}, or the next rebuild asked) and resumes after its last id.
 */
@Service
public class SearchIndexes {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);

	static final int BATCH = 500;

	static final Duration STALE = Duration.ofMinutes(2);

	private static final EnumSet<ReindexRun.Status> ACTIVE = EnumSet.of(ReindexRun.Status.QUEUED,
			ReindexRun.Status.RUNNING);

	private final EntityManagerFactory entityManagerFactory;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final ReindexRuns runs;

	private final Clock clock;

	private final TaskExecutor executor;

	private final String node = "node-" + UUID.randomUUID();

	SearchIndexes(EntityManagerFactory entityManagerFactory, EntityManager entityManager,
			PlatformTransactionManager transactionManager, ReindexRuns runs, Clock clock,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.entityManagerFactory = entityManagerFactory;
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.runs = runs;
		this.clock = clock;
		this.executor = executor;
	}

	/** Every indexed entity type with its rows, its documents in the index, and whether a rebuild is under way. */
	public List<IndexedType> types() {
		List<IndexedType> types = new ArrayList<>();
		for (SearchIndexedEntity<?> entity : indexedEntities()) {
			types.add(transactions.execute(t -> new IndexedType(entity.jpaName(), rows(entity), documents(entity),
					runs.existsByEntityNameAndStatusIn(entity.jpaName(), ACTIVE))));
		}
		return types;
	}

	/** The latest rebuilds, newest first. */
	public List<Run> recent(int limit) {
		return runs.findByOrderByIdDesc(Limit.of(limit)).stream().map(SearchIndexes::view).toList();
	}

	public Optional<Run> run(long id) {
		return runs.findById(id).map(SearchIndexes::view);
	}

	/** Whether a rebuild is queued or running. */
	public boolean busy() {
		return recent(50).stream().anyMatch(r -> r.status().equals("QUEUED") || r.status().equals("RUNNING"));
	}

	/**
	 * Queues a rebuild of one entity type's index ({@code entityName}, as {@link IndexedType#name()}) or of all
	 * ({@code null}), and starts it in the background. A type already queued or running is not queued twice.
	 * Returns the runs queued (empty if all were under way); an unknown name is an {@link IllegalArgumentException}.
	 */
	public List<Run> rebuild(String entityName, String requestedBy) {
		List<SearchIndexedEntity<?>> chosen = new ArrayList<>();
		for (SearchIndexedEntity<?> entity : indexedEntities()) {
			if (entityName == null || entity.jpaName().equals(entityName)) {
				chosen.add(entity);
			}
		}
		if (chosen.isEmpty() && entityName != null) {
			throw new IllegalArgumentException("Not an indexed entity: " + entityName);
		}
		List<Run> queued = queue(chosen, ReindexRun.Reason.ADMIN, requestedBy);
		startInBackground();
		return queued;
	}

	private List<Run> queue(List<SearchIndexedEntity<?>> entities, ReindexRun.Reason reason, String requestedBy) {
		List<Run> queued = new ArrayList<>();
		for (SearchIndexedEntity<?> entity : entities) {
			Run run = transactions.execute(t -> {
				if (runs.existsByEntityNameAndStatusIn(entity.jpaName(), ACTIVE)) {
					return null;
				}
				return view(runs.save(new ReindexRun(entity.jpaName(), reason, requestedBy, rows(entity),
						clock.instant())));
			});
			if (run != null) {
				queued.add(run);
			}
		}
		return queued;
	}

	/**
	 * At start: an index that is empty while its table has rows (a moved data directory, the first start after an
	 * upgrade that added an index, a new Elasticsearch cluster) is rebuilt, in the background.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void rebuildEmptyIndexes() {
		try {
			List<SearchIndexedEntity<?>> empty = new ArrayList<>();
			for (IndexedType type : types()) {
				if (type.documents() == 0 && type.rows() > 0 && !type.rebuilding()) {
					empty.add(Search.mapping(entityManagerFactory).indexedEntity(type.name()));
				}
			}
			if (!empty.isEmpty()) {
				log.info("Search indexes empty while their tables are not, rebuilding: {}",
						empty.stream().map(SearchIndexedEntity::jpaName).toList());
				queue(empty, ReindexRun.Reason.EMPTY, null);
			}
			if (!runs.claimable(clock.instant().minus(STALE)).isEmpty()) {
				startInBackground();
			}
		}
		catch (RuntimeException ex) {
			// The application still starts: searches answer from what the index has, an admin can rebuild.
			log.warn("Could not check the search indexes at start", ex);
		}
	}

	private void startInBackground() {
		executor.execute(() -> {
			try {
				work();
			}
			catch (RuntimeException ex) {
				log.warn("Search index rebuild stopped", ex);
			}
		});
	}

	/**
	 * Takes every run this node may take (queued, or running on a dead node) and does it, batch after batch, until
	 * none is left. Safe on several nodes at once: a run is taken by one of them.
	 */
	public void work() {
		while (true) {
			Instant now = clock.instant();
			Long taken = null;
			for (Long id : runs.claimable(now.minus(STALE))) {
				Integer claimed = transactions.execute(t -> runs.claim(id, node, now, now.minus(STALE)));
				if (claimed != null && claimed == 1) {
					taken = id;
					break;
				}
			}
			if (taken == null) {
				return;
			}
			process(taken);
		}
	}

	/**
	 * Indexes a run's batches, pipelined: a batch's documents are handed to the backend when its transaction
	 * commits, and the next batch is read and its documents built while the backend writes them (its own threads:
	 * analysis is most of a rebuild's work). A batch counts as done, and its last id is recorded, only once the
	 * backend has written it, so a run resumed after a crash starts after documents that are in the index (as
	 * searchable as with read-sync: written, not yet committed to disk, which the backend does within a second).
	 */
	private void process(long runId) {
		ReindexRun start = runs.findById(runId).orElseThrow();
		String name = start.getEntityName();
		String lastId = start.getLastId();
		Batch pending = null;
		try {
			SearchIndexedEntity<?> entity = Search.mapping(entityManagerFactory).indexedEntity(name);
			while (true) {
				String from = pending == null ? lastId : pending.lastId;
				Batch batch = pending != null && pending.rows < BATCH ? null
						: transactions.execute(t -> indexBatch(entity, from));
				if (pending != null) {
					Batch done = pending;
					done.awaitWritten();
					long total = transactions.execute(t -> rows(entity));
					boolean finished = batch == null;
					transactions.executeWithoutResult(t -> {
						ReindexRun run = runs.findById(runId).orElseThrow();
						run.progressed(done.rows, done.lastId, total, clock.instant());
						if (finished) {
							run.finished(clock.instant());
						}
					});
					if (finished) {
						// written in many small flushes: merged into one segment, a search's per-segment work
						// (term lookups, scorers) is done once (1.7 times less CPU per article search, 100,000
						// articles; docs/benchmarks.md, "Search"); later changes add segments as usual
						var workspace = Search.mapping(entityManagerFactory).scope(entity.javaClass()).workspace();
						workspace.mergeSegments();
						workspace.refresh();
						log.info("Search index of {} rebuilt", name);
						return;
					}
				}
				pending = batch.lastId == null ? new Batch(0, from, batch.written) : batch;
			}
		}
		catch (RuntimeException ex) {
			if (pending != null) {
				pending.written.cancel(false);
			}
			log.warn("Rebuilding the search index of {} failed", name, ex);
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			transactions.executeWithoutResult(t -> runs.findById(runId).ifPresent(r -> r.failed(error, clock.instant())));
		}
	}

	/** Adds or updates the documents of the next rows after {@code lastId}; indexed when the transaction commits. */
	private Batch indexBatch(SearchIndexedEntity<?> entity, String lastId) {
		Class<?> type = entity.javaClass();
		EntityType<?> model = entityManagerFactory.getMetamodel().entity(type);
		Class<?> idType = model.getIdType().getJavaType();
		String id = model.getId(idType).getName();
		// Its to-one associations in the same select: read lazily, a document bridge that follows one (a
		// translation's article) loaded them one row at a time, half of a rebuild's loop (docs/benchmarks.md).
		StringBuilder fetch = new StringBuilder();
		for (SingularAttribute<?, ?> attribute : model.getSingularAttributes()) {
			if (attribute.isAssociation()) {
				fetch.append(" left join fetch e.").append(attribute.getName());
			}
		}
		String jpql = "select e from " + model.getName() + " e" + fetch
				+ (lastId == null ? "" : " where e." + id + " > :last") + " order by e." + id;
		// read-only: nothing is written back, so no snapshot to keep and compare at the commit
		TypedQuery<?> query = entityManager.createQuery(jpql, type).setMaxResults(BATCH)
			.setHint(HibernateHints.HINT_READ_ONLY, true);
		if (lastId != null) {
			query.setParameter("last", parseId(lastId, idType));
		}
		List<?> rows = query.getResultList();
		SearchSession session = Search.session(entityManager);
		Handed handed = new Handed();
		session.indexingPlanSynchronizationStrategy(handed);
		Object last = null;
		for (Object row : rows) {
			session.indexingPlan().addOrUpdate(row);
			last = entityManagerFactory.getPersistenceUnitUtil().getIdentifier(row);
		}
		return new Batch(rows.size(), last == null ? null : last.toString(), handed.written);
	}

	/**
	 * The synchronization of a rebuild's batch: its transaction returns once the documents are handed to the
	 * backend, without waiting for them to be written (nor for a refresh of the readers, which would flush a
	 * small segment per batch, then merge them); {@link #written} completes when they are.
	 */
	private static final class Handed implements IndexingPlanSynchronizationStrategy {

		final CompletableFuture<SearchIndexingPlanExecutionReport> written = new CompletableFuture<>();

		@Override
		public void apply(IndexingPlanSynchronizationStrategyConfigurationContext context) {
			context.documentCommitStrategy(DocumentCommitStrategy.NONE);
			context.documentRefreshStrategy(DocumentRefreshStrategy.NONE);
			context.indexingFutureHandler(future -> future.whenComplete((report, failure) -> {
				if (failure != null) {
					written.completeExceptionally(failure);
				}
				else {
					written.complete(report);
				}
			}));
		}
	}

	private static Object parseId(String value, Class<?> idType) {
		if (idType == Long.class || idType == long.class) {
			return Long.valueOf(value);
		}
		if (idType == Integer.class || idType == int.class) {
			return Integer.valueOf(value);
		}
		if (idType == UUID.class) {
			return UUID.fromString(value);
		}
		if (idType == String.class) {
			return value;
		}
		throw new IllegalStateException("Cannot resume after an id of type " + idType.getName());
	}

	private long rows(SearchIndexedEntity<?> entity) {
		EntityType<?> model = entityManagerFactory.getMetamodel().entity(entity.javaClass());
		return entityManager.createQuery("select count(e) from " + model.getName() + " e", Long.class)
			.getSingleResult();
	}

	private long documents(SearchIndexedEntity<?> entity) {
		return Search.session(entityManager).search(entity.javaClass()).where(f -> f.matchAll()).fetchTotalHitCount();
	}

	private List<SearchIndexedEntity<?>> indexedEntities() {
		List<SearchIndexedEntity<?>> all = new ArrayList<>(Search.mapping(entityManagerFactory).allIndexedEntities());
		all.sort(Comparator.comparing(SearchIndexedEntity::jpaName));
		return all;
	}

	private static Run view(ReindexRun r) {
		return new Run(r.getId(), r.getEntityName(), r.getStatus().name(), r.getReason().name(), r.getRequestedBy(),
				r.getTotal(), r.getDone(), r.getRequestedAt(), r.getStartedAt(), r.getFinishedAt(), r.getError());
	}

	/** A batch read and handed to the backend; {@code written}: when the backend has written it. */
	private record Batch(int rows, String lastId, CompletableFuture<SearchIndexingPlanExecutionReport> written) {

		/** Waits until the backend has written the batch; a document it could not write fails the run. */
		void awaitWritten() {
			if (rows == 0) {
				return;
			}
			SearchIndexingPlanExecutionReport report;
			try {
				report = written.get(STALE.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while the index was written", ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("The index could not be written: " + ex.getMessage(), ex);
			}
			if (report != null && report.throwable().isPresent()) {
				throw new IllegalStateException("The index could not be written: " + report.throwable().get()
					.getMessage(), report.throwable().get());
			}
		}
	}

	/** An indexed entity type: its name, the rows of its table, the documents in its index. */
	public record IndexedType(String name, long rows, long documents, boolean rebuilding) {
	}

	/** A rebuild of one type, as the admin page shows it. */
	public record Run(long id, String entityName, String status, String reason, String requestedBy, long total,
			long done, Instant requestedAt, Instant startedAt, Instant finishedAt, String error) {

		/** Done in percent, 0 to 100. */
		public int percent() {
			if (status.equals("DONE")) {
				return 100;
			}
			return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
		}

		public boolean active() {
			return status.equals("QUEUED") || status.equals("RUNNING");
		}

	}

}
