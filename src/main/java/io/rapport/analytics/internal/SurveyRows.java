package io.rapport.analytics.internal;

import io.rapport.surveys.CsatRated;
import io.rapport.surveys.NpsAnswered;
import io.rapport.workflows.SlaTargetEnded;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The CSAT, NPS and SLA read models. An answer is kept once per answer id, the latest statement winning (a
 * redelivered older event does not undo a changed rating); an ended SLA target is written once per target id.
 */
@Component
class SurveyRows {

	private final JdbcTemplate jdbc;

	SurveyRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void put(CsatRated e) {
		Object[] values = { e.ticketId(), e.contactId(), e.accountId(), e.agentId(), e.groupKey(),
				e.channel() == null ? null : e.channel().name(), e.rating(), e.commented(), Days.ts(e.surveyedAt()),
				Days.ts(e.at()), Days.dayOf(e.at()), Days.weekOf(e.at()), Days.monthOf(e.at()), e.answerId() };
		upsert("update analytics_csat set ticket_id = ?, contact_id = ?, account_id = ?, agent_id = ?, group_key = ?,"
				+ " channel = ?, rating = ?, commented = ?, surveyed_at = ?, answered_at = ?, answered_day = ?,"
				+ " answered_week = ?, answered_month = ? where answer_id = ? and answered_at <= ?",
				"insert into analytics_csat (ticket_id, contact_id, account_id, agent_id, group_key, channel, rating,"
						+ " commented, surveyed_at, answered_at, answered_day, answered_week, answered_month, answer_id)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				"select count(*) from analytics_csat where answer_id = ?", values, e.answerId(), Days.ts(e.at()));
	}

	void put(NpsAnswered e) {
		Object[] values = { e.contactId(), e.accountId(), e.campaignId(), e.score(), e.commented(), Days.ts(e.at()),
				Days.dayOf(e.at()), Days.weekOf(e.at()), Days.monthOf(e.at()), e.answerId() };
		upsert("update analytics_nps set contact_id = ?, account_id = ?, campaign_id = ?, score = ?, commented = ?,"
				+ " answered_at = ?, answered_day = ?, answered_week = ?, answered_month = ?"
				+ " where answer_id = ? and answered_at <= ?",
				"insert into analytics_nps (contact_id, account_id, campaign_id, score, commented, answered_at,"
						+ " answered_day, answered_week, answered_month, answer_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				"select count(*) from analytics_nps where answer_id = ?", values, e.answerId(), Days.ts(e.at()));
	}

	void put(SlaTargetEnded e) {
		Object[] values = { e.ticketId(), e.policyId(), e.policyName(), e.target(),
				e.priority() == null ? null : e.priority().name(), e.groupKey(), e.accountId(), e.breached(),
				Days.ts(e.startedAt()), Days.ts(e.dueAt()), Days.ts(e.at()), Days.dayOf(e.at()), Days.weekOf(e.at()),
				Days.monthOf(e.at()), e.targetId() };
		upsert("update analytics_sla set ticket_id = ?, policy_id = ?, policy_name = ?, target = ?, priority = ?,"
				+ " group_key = ?, account_id = ?, breached = ?, started_at = ?, due_at = ?, ended_at = ?,"
				+ " ended_day = ?, ended_week = ?, ended_month = ? where target_id = ? and ended_at <= ?",
				"insert into analytics_sla (ticket_id, policy_id, policy_name, target, priority, group_key, account_id,"
						+ " breached, started_at, due_at, ended_at, ended_day, ended_week, ended_month, target_id)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				"select count(*) from analytics_sla where target_id = ?", values, e.targetId(), Days.ts(e.at()));
	}

	/**
	 * Updates the row if this statement is not older than the stored one; inserts it when there is none. A row
	 * that exists and is newer stays as it is.
	 */
	private void upsert(String update, String insert, String exists, Object[] values, long id, Object at) {
		Object[] updateArgs = java.util.Arrays.copyOf(values, values.length + 1);
		updateArgs[values.length] = at;
		if (jdbc.update(update, updateArgs) > 0) {
			return;
		}
		Long found = jdbc.queryForObject(exists, Long.class, id);
		if (found != null && found > 0) {
			return;
		}
		try {
			jdbc.update(insert, values);
		}
		catch (DuplicateKeyException raced) {
			jdbc.update(update, updateArgs);
		}
	}

	void deleteCsat() {
		jdbc.update("delete from analytics_csat");
	}

	void deleteNps() {
		jdbc.update("delete from analytics_nps");
	}

	void deleteSla() {
		jdbc.update("delete from analytics_sla");
	}
}
