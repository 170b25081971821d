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
			"owner", "missingRates", "periods", "byFeature", "by", "features");

	private MetricsCsv() {
	}

	@SuppressWarnings("unchecked")
	static String of(Map<String, Object> answer) {
		List<Map<String, Object>> rows = new ArrayList<>();
		Object periods = answer.containsKey("periods") ? answer.get("periods") : answer.get("byFeature");
		if (periods instanceof List<?> list) {
			list.forEach(row -> rows.add((Map<String, Object>) row));
		}
		Map<String, Object> total = new java.util.LinkedHashMap<>();
		total.put(answer.containsKey("byFeature") ? "feature" : "period", "total");
		answer.forEach((k, v) -> {
			if (!HEADER.contains(k)) {
				total.put(k, v);
			}
		});
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

	private static Object cell(Object value) {
		if (value instanceof Collection<?> list) {
			return String.join(" ", list.stream().map(String::valueOf).toList());
		}
		return value;
	}
}
