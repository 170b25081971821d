package io.rapport.shared.search;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The rebuild of one entity type's index: its progress, and where it resumes after a crash. */
@Entity
@Table(name = "search_reindex_runs")
class ReindexRun {

	enum Status {
		QUEUED, RUNNING, DONE, FAILED
	}

	/** Why it runs: an admin asked, or the index was empty while the table was not (found at start). */
	enum Reason {
		ADMIN, EMPTY
	}

	@Id
	@GeneratedValue(generator = "search_reindex_runs_seq")
	@SequenceGenerator(name = "search_reindex_runs_seq", sequenceName = "search_reindex_runs_seq", allocationSize = 50)
	private Long id;

	private String entityName;

	@Enumerated(EnumType.STRING)
	private Status status;

	@Enumerated(EnumType.STRING)
	private Reason reason;

	private String requestedBy;

	private long total;

	private long done;

	private String lastId;

	private String owner;

	private Instant heartbeatAt;

	private Instant requestedAt;

	private Instant startedAt;

	private Instant finishedAt;

	private String error;

	protected ReindexRun() {
	}

	ReindexRun(String entityName, Reason reason, String requestedBy, long total, Instant now) {
		this.entityName = entityName;
		this.status = Status.QUEUED;
		this.reason = reason;
		this.requestedBy = requestedBy;
		this.total = total;
		this.requestedAt = now;
	}

	/** Tests: a run that a node was doing when it died, {@code done} rows in, the last one {@code lastId}. */
	static ReindexRun interrupted(String entityName, long total, long done, String lastId, Instant heartbeatAt) {
		ReindexRun run = new ReindexRun(entityName, Reason.ADMIN, null, total, heartbeatAt);
		run.status = Status.RUNNING;
		run.done = done;
		run.lastId = lastId;
		run.owner = "dead-node";
		run.startedAt = heartbeatAt;
		run.heartbeatAt = heartbeatAt;
		return run;
	}

	Long getId() {
		return id;
	}

	String getEntityName() {
		return entityName;
	}

	Status getStatus() {
		return status;
	}

	Reason getReason() {
		return reason;
	}

	String getRequestedBy() {
		return requestedBy;
	}

	long getTotal() {
		return total;
	}

	long getDone() {
		return done;
	}

	String getLastId() {
		return lastId;
	}

	String getOwner() {
		return owner;
	}

	Instant getHeartbeatAt() {
		return heartbeatAt;
	}

	Instant getRequestedAt() {
		return requestedAt;
	}

	Instant getStartedAt() {
		return startedAt;
	}

	Instant getFinishedAt() {
		return finishedAt;
	}

	String getError() {
		return error;
	}

	void progressed(int rows, String lastId, long total, Instant now) {
		this.done += rows;
		this.lastId = lastId;
		this.total = Math.max(total, this.done);
		this.heartbeatAt = now;
	}

	void finished(Instant now) {
		this.status = Status.DONE;
		this.finishedAt = now;
		this.total = Math.max(total, done);
		this.heartbeatAt = now;
	}

	void failed(String error, Instant now) {
		this.status = Status.FAILED;
		this.finishedAt = now;
		this.error = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
		this.heartbeatAt = now;
	}

}
