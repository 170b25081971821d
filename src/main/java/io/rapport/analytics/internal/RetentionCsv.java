package io.rapport.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cohort retention table as CSV, one line per cohort (its start and size, then each column's retained count and
 * rate; an in-progress cell's rate is followed by {@code *}) and the weighted mean last; a cell's members as CSV.
 */
final class RetentionCsv {

	private RetentionCsv() {
	}

	@SuppressWarnings("unchecked")
	static String table(Map<String, Object> answer) {
		int columns = (Integer) answer.get("columns");
		StringBuilder out = new StringBuilder();
		List<Object> header = new ArrayList<>(List.of("cohort", "size"));
		for (int n = 0; n < columns; n++) {
			header.add("retained" + n);
			header.add("rate" + n);
		}
		Csv.line(out, header);
		for (Map<String, Object> row : (List<Map<String, Object>>) answer.get("cohorts")) {
			List<Object> line = new ArrayList<>(List.of(row.get("start"), row.get("size")));
			List<Map<String, Object>> cells = (List<Map<String, Object>>) row.get("periods");
			for (int n = 0; n < columns; n++) {
				if (n < cells.size()) {
					Map<String, Object> cell = cells.get(n);
					line.add(cell.get("retained"));
					Object rate = cell.get("rate");
					line.add(Boolean.TRUE.equals(cell.get("inProgress")) && rate != null ? rate + "*" : rate);
				}
				else {
					line.add(null);
					line.add(null);
				}
			}
			Csv.line(out, line);
		}
		List<Object> mean = new ArrayList<>(List.of("weighted", ""));
		for (Map<String, Object> w : (List<Map<String, Object>>) answer.get("weighted")) {
			mean.add(w.get("retained"));
			mean.add(w.get("rate"));
		}
		Csv.line(out, mean);
		return out.toString();
	}

	@SuppressWarnings("unchecked")
	static String members(Map<String, Object> answer) {
		StringBuilder out = new StringBuilder();
		Csv.line(out, List.of("id", "name", "accountId", "accountName"));
		for (Map<String, Object> m : (List<Map<String, Object>>) answer.get("members")) {
			Csv.line(out, java.util.Arrays.asList(m.get("id"), m.get("name"), m.get("accountId"), m.get("accountName")));
		}
		return out.toString();
	}
}
