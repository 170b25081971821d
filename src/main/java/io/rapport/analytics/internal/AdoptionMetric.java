package io.rapport.analytics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rapport.activity.Adoption;
import io.rapport.activity.ActivityApi;
import io.rapport.shared.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Product adoption rate = people (or accounts) who used the core features in the window ÷ eligible people, those
 * active in the window at all; per feature too. Read from the activity rollups, whose days are UTC.
 */
@Component
class AdoptionMetric {

	static final int MAX_DAYS = 366;

	private final ActivityApi activity;

	private final Clock clock;

	AdoptionMetric(ActivityApi activity, Clock clock) {
		this.activity = activity;
		this.clock = clock;
	}

	/** The window: days ({@code yyyy-MM-dd}) or whole months ({@code yyyy-MM}); by default the last 30 days. */
	record Window(LocalDate from, LocalDate to, Set<String> features, boolean byAccount) {
	}

	Window parse(String from, String to, String features, String by) {
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		LocalDate last = day(to, "to", today, true);
		LocalDate first = day(from, "from", last.minusDays(29), false);
		if (first.isAfter(last)) {
			throw InvalidInputException.of("from", "errors.metrics.fromAfterTo", first, last);
		}
		if (first.plusDays(MAX_DAYS).isBefore(last)) {
			throw InvalidInputException.of("to", "errors.metrics.tooManyDays", MAX_DAYS);
		}
		boolean byAccount;
		if (by == null || by.isBlank() || by.strip().equalsIgnoreCase("users")) {
			byAccount = false;
		}
		else if (by.strip().equalsIgnoreCase("accounts")) {
			byAccount = true;
		}
		else {
			throw InvalidInputException.of("by", "errors.metrics.by", by);
		}
		Set<String> names = new LinkedHashSet<>();
		if (features != null && !features.isBlank()) {
			for (String name : features.split(",")) {
				if (!name.isBlank()) {
					if (name.strip().length() > 200) {
						throw InvalidInputException.of("features", "errors.metrics.feature", name.strip().substring(0, 40));
					}
					names.add(name.strip());
				}
			}
		}
		if (names.isEmpty()) {
			names.addAll(activity.coreFeatures());
		}
		if (names.size() > 50) {
			throw InvalidInputException.of("features", "errors.metrics.features", 50);
		}
		return new Window(first, last, names, byAccount);
	}

	Map<String, Object> adoption(Window w) {
		Adoption a = activity.adoption(w.from(), w.to(), w.features(), w.byAccount());
		String unit = w.byAccount() ? "Accounts" : "Users";
		boolean enough = a.eligible() >= RevenueMetrics.MIN_ACCOUNTS && !w.features().isEmpty();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("metric", "adoption");
		m.put("from", w.from().toString());
		m.put("to", w.to().toString());
		m.put("by", w.byAccount() ? "accounts" : "users");
		m.put("features", new ArrayList<>(w.features()));
		m.put("eligible" + unit, a.eligible());
		m.put("adopting" + unit, a.adopting());
		m.put("adoptionRate", enough ? RevenueMetrics.fraction(a.adopting(), a.eligible()) : null);
		List<Map<String, Object>> rows = new ArrayList<>();
		a.byFeature().forEach((feature, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("feature", feature);
			row.put("eligible" + unit, a.eligible());
			row.put("adopting" + unit, n);
			row.put("adoptionRate", enough ? RevenueMetrics.fraction(n, a.eligible()) : null);
			rows.add(row);
		});
		m.put("tooLittleData", enough ? List.of() : List.of("adoptionRate"));
		m.put("byFeature", rows);
		return m;
	}

	private static LocalDate day(String value, String field, LocalDate otherwise, boolean endOfMonth) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		String text = value.strip();
		try {
			if (text.length() == 7) {
				YearMonth month = YearMonth.parse(text);
				return endOfMonth ? month.atEndOfMonth() : month.atDay(1);
			}
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, "errors.metrics.day", value);
		}
	}
}
