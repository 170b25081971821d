package io.rapport.analytics.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A metric's table as CSV: one line per period (or feature), then the total with the key {@code total}; a metric
 * with one figure (CLV, LTV:CAC) is its one line. Lists in a cell are separated by spaces.
 */
final class MetricsCsv {

	/** What the answer says about itself rather than a figure: not a column. */
	private static final Set<String> HEADER = Set.of("metric", "from", "to", "period", "currency", "timeZone", "plan",
			"owner", "missingRates", "periods", "byFeature", "by", "features", "start", "valueEvents", "cohorts", "stage");

	private MetricsCsv() {
	}

	@SuppressWarnings("unchecked")
	static String of(Map<String, Object> answer) {
		List<Map<String, Object>> rows = new ArrayList<>();
		Object periods = answer.containsKey("periods") ? answer.get("periods") : answer.get("byFeature");
		// time to value: a line per cohort, its distribution as a column per bucket
		periods = answer.containsKey("cohorts") ? answer.get("cohorts") : periods;
		if (periods instanceof List<?> list) {
			list.forEach(row -> rows.add(distributed((Map<String, Object>) row)));
		}
		Map<String, Object> figures = new java.util.LinkedHashMap<>();
		figures.put(answer.containsKey("byFeature") ? "feature" : answer.containsKey("cohorts") ? "month" : "period",
				"total");
		answer.forEach((k, v) -> {
			if (!HEADER.contains(k)) {
				figures.put(k, v);
			}
		});
		Map<String, Object> total = distributed(figures);
		Set<String> columns = new LinkedHashSet<>();
		rows.forEach(row -> columns.addAll(row.keySet()));
		columns.addAll(total.keySet());
		StringBuilder out = new StringBuilder();
		Csv.line(out, new ArrayList<>(columns));
		for (Map<String, Object> row : rows) {
			Csv.line(out, columns.stream().map(c -> cell(row.get(c))).toList());
		}
		Csv.line(out, columns.stream().map(c -> cell(total.get(c))).toList());
		return out.toString();
	}

	/** A {@code distribution} list of {@code {bucket, count}} becomes a column per bucket. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> distributed(Map<String, Object> row) {
		if (!(row.get("distribution") instanceof List<?> buckets)) {
			return row;
		}
		Map<String, Object> flat = new java.util.LinkedHashMap<>(row);
		flat.remove("distribution");
		buckets.forEach(b -> flat.put(String.valueOf(((Map<String, Object>) b).get("bucket")),
				((Map<String, Object>) b).get("count")));
		return flat;
	}

	private static Object cell(Object value) {
		if (value instanceof Collection<?> list) {
			return String.join(" ", list.stream().map(String::valueOf).toList());
		}
		return value;
	}
}
