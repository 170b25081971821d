package io.rapport.analytics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One report as the API answers it: {@code total} and each row hold {@code count} (the contacts, answers or
 * tickets behind the figure) and {@code value} (the report's headline figure) with the report's other figures
 * beside them; rows also hold {@code key} (and a {@code label} for agents, groups and accounts).
 */
record Report(LocalDate from, LocalDate to, String groupBy, Map<String, Object> total, List<Map<String, Object>> rows) {
}
