package io.rapport.workflows.internal;

import java.util.function.Consumer;

import io.rapport.workflows.SlaOutcomes;
import io.rapport.workflows.SlaTargetEnded;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every met or breached target from the targets table (cancelled ones are not outcomes), oldest end first. */
@Component
class StoredSlaOutcomes implements SlaOutcomes {

	private final JdbcTemplate jdbc;

	StoredSlaOutcomes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(Consumer<SlaTargetEnded> each) {
		jdbc.query("select " + TargetStore.COLUMNS + " from sla_targets where outcome in ('MET', 'BREACHED') "
				+ "order by ended_at, id", rs -> {
					SlaTarget t = TargetStore.ROW.mapRow(rs, 0);
					each.accept(SlaTimers.ended(t, SlaTarget.BREACHED.equals(t.outcome()), t.endedAt()));
				});
	}
}
