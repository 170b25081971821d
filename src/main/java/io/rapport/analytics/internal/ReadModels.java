package io.rapport.analytics.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.rapport.analytics.AnalyticsApi;
import io.rapport.surveys.CsatAnswers;
import io.rapport.surveys.NpsAnswers;
import io.rapport.tickets.TicketFacts;
import io.rapport.tickets.TicketFacts.Fact;
import io.rapport.workflows.SlaOutcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the read models from their sources: every ticket's facts, and the survey answers and SLA outcomes when
 * the modules that keep them are present (a model whose source is absent keeps its rows). One transaction, so a
 * report never reads a half-built model.
 */
@Service
class ReadModels implements AnalyticsApi {

	private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

	private static final int BATCH = 1000;

	private final TicketFacts facts;

	private final TicketRows tickets;

	private final SurveyRows surveys;

	private final ObjectProvider<CsatAnswers> csat;

	private final ObjectProvider<NpsAnswers> nps;

	private final ObjectProvider<SlaOutcomes> sla;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ReadModels(TicketFacts facts, TicketRows tickets, SurveyRows surveys, ObjectProvider<CsatAnswers> csat,
			ObjectProvider<NpsAnswers> nps, ObjectProvider<SlaOutcomes> sla, JdbcTemplate jdbc, Clock clock) {
		this.facts = facts;
		this.tickets = tickets;
		this.surveys = surveys;
		this.csat = csat;
		this.nps = nps;
		this.sla = sla;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Rebuilt rebuild() {
		Instant started = clock.instant();
		tickets.deleteAll();
		AtomicLong ticketCount = new AtomicLong();
		List<Fact> batch = new ArrayList<>(BATCH);
		facts.forEach(fact -> {
			batch.add(fact);
			if (batch.size() == BATCH) {
				tickets.insertAll(batch);
				ticketCount.addAndGet(batch.size());
				batch.clear();
			}
		});
		tickets.insertAll(batch);
		ticketCount.addAndGet(batch.size());
		long csatCount = rebuildFrom(csat.getIfAvailable(), "csat");
		long npsCount = rebuildFrom(nps.getIfAvailable(), "nps");
		long slaCount = rebuildFrom(sla.getIfAvailable(), "sla");
		Rebuilt rebuilt = new Rebuilt(ticketCount.get(), csatCount, npsCount, slaCount);
		stamp("tickets", rebuilt.tickets(), started);
		log.info("Analytics rebuilt: {}", rebuilt);
		return rebuilt;
	}

	private long rebuildFrom(Object source, String model) {
		if (source == null) {
			return -1;
		}
		AtomicLong count = new AtomicLong();
		if (source instanceof CsatAnswers answers) {
			surveys.deleteCsat();
			answers.forEach(e -> {
				surveys.put(e);
				count.incrementAndGet();
			});
		}
		else if (source instanceof NpsAnswers answers) {
			surveys.deleteNps();
			answers.forEach(e -> {
				surveys.put(e);
				count.incrementAndGet();
			});
		}
		else if (source instanceof SlaOutcomes outcomes) {
			surveys.deleteSla();
			outcomes.forEach(e -> {
				surveys.put(e);
				count.incrementAndGet();
			});
		}
		stamp(model, count.get(), clock.instant());
		return count.get();
	}

	private void stamp(String model, long rows, Instant at) {
		if (jdbc.update("update analytics_rebuilds set rebuilt_at = ?, row_count = ? where model = ?",
				Timestamp.from(at), rows, model) == 0) {
			jdbc.update("insert into analytics_rebuilds (model, rebuilt_at, row_count) values (?, ?, ?)", model,
					Timestamp.from(at), rows);
		}
	}

	/** When each model was last rebuilt and how many rows it had then, for the admin page. */
	Map<String, Object[]> lastRebuilds() {
		Map<String, Object[]> result = new LinkedHashMap<>();
		jdbc.query("select model, rebuilt_at, row_count from analytics_rebuilds order by model",
				rs -> {
					result.put(rs.getString(1), new Object[] {
							rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), rs.getLong(3) });
				});
		return result;
	}

	/** Rows in each model now. */
	Map<String, Long> sizes() {
		Map<String, Long> sizes = new LinkedHashMap<>();
		for (String table : List.of("tickets", "csat", "nps", "sla")) {
			sizes.put(table, jdbc.queryForObject("select count(*) from analytics_" + table, Long.class));
		}
		return sizes;
	}
}
