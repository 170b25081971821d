package io.rapport.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A report as CSV (RFC 4180): one header line, one line per row, then the total with the key {@code total}.
 * Texts that a spreadsheet would run as a formula (an account named {@code =cmd|...}) are prefixed with a quote.
 */
final class Csv {

	private Csv() {
	}

	static String of(Report report) {
		Set<String> columns = new LinkedHashSet<>();
		columns.add("key");
		report.rows().forEach(row -> columns.addAll(row.keySet()));
		columns.addAll(report.total().keySet());
		StringBuilder out = new StringBuilder();
		line(out, new ArrayList<>(columns));
		for (Map<String, Object> row : report.rows()) {
			line(out, columns.stream().map(row::get).toList());
		}
		List<Object> total = new ArrayList<>();
		for (String column : columns) {
			total.add("key".equals(column) ? "total" : report.total().get(column));
		}
		line(out, total);
		return out.toString();
	}

	static void line(StringBuilder out, List<?> values) {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(cell(values.get(i)));
		}
		out.append("\r\n");
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}
}
