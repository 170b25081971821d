package io.rapport.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.shared.TranslatableException;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The Business page's time to value, NPS and CSAT sections, for the page's months: TTV by cohorts of starts in the
 * company's time zone; NPS and CSAT from analytics' survey read models over the UTC days of those months, for every
 * account (answers have no owner, stage or plan). Each figure says how many answers or accounts are behind it.
 */
@Component
class ValueSections {

	private final TtvMetric ttv;

	private final Reports reports;

	ValueSections(TtvMetric ttv, Reports reports) {
		this.ttv = ttv;
		this.reports = reports;
	}

	void addTo(Model model, MetricsQuery q, String start) {
		TtvMetric.Query tq;
		try {
			tq = ttv.parse(q.from().toString(), q.to().toString(), start, ownerParam(q), stageParam(q));
		}
		catch (TranslatableException badStart) {
			tq = ttv.parse(q.from().toString(), q.to().toString(), null, ownerParam(q), stageParam(q));
		}
		Map<String, Object> answer = ttv.ttv(tq);
		model.addAttribute("ttv", answer);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> rows = new ArrayList<>((List<Map<String, Object>>) answer.get("cohorts"));
		rows.add(answer);
		model.addAttribute("ttvRows", rows);
		model.addAttribute("ttvBuckets", TtvMetric.BUCKETS);
		model.addAttribute("ttvStarts", List.of("signup", "subscription"));
		ReportQuery days = new ReportQuery(q.from().atDay(1), q.to().atEndOfMonth(), null, null, null, null, null);
		model.addAttribute("surveyDays", days);
		model.addAttribute("nps", nps(reports.nps(days).total()));
		model.addAttribute("csat", csat(reports.csat(days).total()));
	}

	private static String stageParam(MetricsQuery q) {
		return q.stage() == null ? null : q.stage().name();
	}

	private static String ownerParam(MetricsQuery q) {
		return q.owner() == null ? null : q.owner().toString();
	}

	/** The score (promoters − detractors, % of answers) with its three groups; null under the minimum of answers. */
	private static Map<String, Object> nps(Map<String, Object> total) {
		Map<String, Object> m = new LinkedHashMap<>(total);
		long n = count(total);
		m.put("responses", n);
		m.put("enough", n >= RevenueMetrics.MIN_ACCOUNTS);
		return m;
	}

	/** Satisfied (4 or 5 of 5) ÷ answers, as a fraction; null under the minimum of answers. */
	private static Map<String, Object> csat(Map<String, Object> total) {
		Map<String, Object> m = new LinkedHashMap<>(total);
		long n = count(total);
		long satisfied = total.get("satisfied") instanceof Number s ? s.longValue() : 0;
		m.put("responses", n);
		m.put("satisfied", satisfied);
		m.put("enough", n >= RevenueMetrics.MIN_ACCOUNTS);
		m.put("satisfiedRate", n >= RevenueMetrics.MIN_ACCOUNTS ? RevenueMetrics.fraction(satisfied, n) : null);
		return m;
	}

	private static long count(Map<String, Object> total) {
		return total.get("count") instanceof Number n ? n.longValue() : 0;
	}
}
