package io.rapport.billing.internal;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: fields separated by commas, quoted with double quotes (a quote doubled inside), CRLF or LF. */
final class CsvRows {

	private CsvRows() {
	}

	/** The records of a text, each a list of fields; a leading byte-order mark and blank lines are skipped. */
	static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
				any = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				any = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
					i++;
				}
				end(records, record, field, any);
				record = new ArrayList<>();
				any = false;
			}
			else {
				field.append(c);
				any = true;
			}
		}
		end(records, record, field, any);
		return records;
	}

	private static void end(List<List<String>> records, List<String> record, StringBuilder field, boolean any) {
		if (any || !record.isEmpty()) {
			record.add(field.toString());
			records.add(record);
		}
		else {
			// a blank line is kept as an empty record so that row numbers stay the file's line numbers
			records.add(List.of());
		}
		field.setLength(0);
	}
}
