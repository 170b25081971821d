package io.rapport.health.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health for agents (customers never see it: 404): an account's score that explains itself, its daily history,
 * the at-risk list; admins recompute on demand.
 */
@RestController
@Tag(name = "Customer health")
class HealthRestController {

	private final HealthReport report;

	private final AtRisk atRisk;

	private final HealthScoring scoring;

	private final Clock clock;

	HealthRestController(HealthReport report, AtRisk atRisk, HealthScoring scoring, Clock clock) {
		this.report = report;
		this.atRisk = atRisk;
		this.scoring = scoring;
		this.clock = clock;
	}

	@Operation(summary = "An account's health (0-100, higher is healthier): score, band, trend against a window of "
			+ "7, 30 or 90 days, each measure's value, points, weight and contribution, open flags with evidence")
	@GetMapping("/api/v1/accounts/{id}/health")
	HealthReport.AccountHealth health(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String window, Locale locale) {
		user.requireAgent();
		return report.of(id, report.window(window), locale);
	}

	@Operation(summary = "An account's daily scores between two days (default: the last 90 days)")
	@GetMapping("/api/v1/accounts/{id}/health/history")
	List<HealthReport.DayScore> history(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		user.requireAgent();
		return report.history(id, from, to);
	}

	@Operation(summary = "Accounts at risk (an open flag or a red score), ranked by MRR at risk")
	@GetMapping("/api/v1/health/at-risk")
	List<AtRisk.Entry> atRisk(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String owner, Locale locale) {
		user.requireAgent();
		return atRisk.list(AtRisk.limit(limit), owner(owner), locale);
	}

	@Operation(summary = "Recompute every account's snapshot of a day (default today, UTC), its flags and events")
	@PostMapping("/api/v1/health/recompute")
	ResponseEntity<HealthScoring.Result> recompute(@CurrentUser AuthenticatedUser user,
			@RequestParam(required = false) String day) {
		user.requireAdmin();
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate which = today;
		if (day != null && !day.isBlank()) {
			try {
				which = LocalDate.parse(day.strip());
			}
			catch (java.time.format.DateTimeParseException e) {
				throw InvalidInputException.of("day", "errors.activity.day", day);
			}
			if (which.isAfter(today)) {
				throw InvalidInputException.of("day", "errors.health.future-day", day);
			}
		}
		return ResponseEntity.ok(scoring.recompute(which));
	}

	static Long owner(String owner) {
		if (owner == null || owner.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(owner.strip());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of("owner", "errors.health.owner", owner);
		}
	}
}
