package io.rapport.analytics.internal;

import java.util.Collection;

import io.rapport.shared.InvalidInputException;

/**
 * What a report or metric request asks for: its name (a {@code .csv} suffix taken off) and whether the answer is
 * CSV (the suffix, or {@code format=csv}). The reports and the metrics APIs read their path and {@code format} the
 * same way; only the names they know and their error codes differ.
 */
record Requested(String name, boolean csv) {

	/**
	 * Reads the path's {@code kind} and the {@code format} parameter; an unknown name is refused as {@code field}
	 * with {@code unknownCode}, a format other than json or csv with {@code formatCode}.
	 */
	static Requested of(String kind, String format, Collection<String> known, String field, String unknownCode,
			String formatCode) {
		boolean suffix = kind.endsWith(".csv");
		String name = suffix ? kind.substring(0, kind.length() - 4) : kind;
		if (!known.contains(name)) {
			throw InvalidInputException.of(field, unknownCode, name);
		}
		if (format != null && !format.isBlank() && !"csv".equalsIgnoreCase(format) && !"json".equalsIgnoreCase(format)) {
			throw InvalidInputException.of("format", formatCode, format);
		}
		return new Requested(name, suffix || "csv".equalsIgnoreCase(format));
	}
}
