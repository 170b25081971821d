package io.rapport.surveys.nps;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static io.rapport.surveys.nps.Campaigns.at;

/**
 * The figures of the NPS pages, for one campaign or all, over a period: the score and its parts, the distribution
 * 0-10, the trend by week or month (UTC), the response rate, and the comments.
 */
@Component
public class NpsReports {

	private final Answers answers;

	private final JdbcTemplate jdbc;

	NpsReports(Answers answers, JdbcTemplate jdbc) {
		this.answers = answers;
		this.jdbc = jdbc;
	}

	public record Period(Instant from, Instant to) {
	}

	public record TrendPoint(LocalDate start, NpsScore score) {
	}

	/** Invitations sent in the period, and how many of them were answered. */
	public record ResponseRate(long sent, long answered) {

		public Integer percent() {
			return sent == 0 ? null : (int) Math.round(100.0 * answered / sent);
		}
	}

	@Transactional(readOnly = true)
	NpsScore score(Long campaignId, Period period) {
		return new NpsScore(answers.distribution(campaignId, period.from(), period.to()));
	}

	@Transactional(readOnly = true)
	ResponseRate responseRate(Long campaignId, Period period) {
		String filter = campaignId == null ? "" : " and i.campaign_id = ?";
		Object[] args = campaignId == null ? new Object[] { at(period.from()), at(period.to()) }
				: new Object[] { at(period.from()), at(period.to()), campaignId };
		return jdbc.queryForObject("select count(*), count(a.id) from nps_invitations i "
				+ "left join nps_answers a on a.invitation_id = i.id where i.sent_at >= ? and i.sent_at < ?" + filter,
				(rs, n) -> new ResponseRate(rs.getLong(1), rs.getLong(2)), args);
	}

	/** One point per week (from Monday) or month of the period that has answers, oldest first. */
	@Transactional(readOnly = true)
	List<TrendPoint> trend(Long campaignId, Period period, boolean monthly) {
		Map<LocalDate, long[]> buckets = new TreeMap<>();
		answers.scoresBetween(campaignId, period.from(), period.to(), (score, at) -> {
			LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
			LocalDate start = monthly ? day.withDayOfMonth(1)
					: day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			buckets.computeIfAbsent(start, d -> new long[11])[score]++;
		});
		List<TrendPoint> points = new ArrayList<>();
		buckets.forEach((start, counts) -> points.add(new TrendPoint(start, new NpsScore(counts))));
		return points;
	}

	@Transactional(readOnly = true)
	List<Answers.Answer> comments(Long campaignId, Period period, String category, int limit) {
		return answers.comments(campaignId, period.from(), period.to(), category, limit);
	}
}
