package io.rapport.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cohort retention as JSON or CSV ({@code .csv} or {@code format=csv}) and the members of one cell, for agents.
 * Definitions: docs/metrics.md ("Cohort retention").
 */
@RestController
@RequestMapping("/api/v1/metrics")
@Tag(name = "Business metrics")
class RetentionRestController {

	private final RetentionMetric retention;

	RetentionRestController(RetentionMetric retention) {
		this.retention = retention;
	}

	@GetMapping({ "/retention", "/retention.csv" })
	@Operation(summary = "Cohort retention (PostHog's definition): rows are cohorts, columns periods since the cohort's start", description = """
			level=users: people (a contact, a tracked user or an anonymous id within an account) from the product-usage \
			rollups; level=accounts: accounts; both by day, week (Monday to Sunday) or month, days in UTC. First-time \
			(default): someone's cohort is the period of their first startEvent ever (default: their first event of any \
			kind, their signup); recurring=true: they enter a cohort in every period they do startEvent. Retained in \
			column N (mode=on) when they do returnEvent (default any event) at least `repeats` times in period N after \
			their cohort's; mode=onOrAfter: in N or a later column of the table. Column 0 is the whole cohort. \
			level=revenue: monthly cohorts of accounts by first paid month; a cell is the cohort's month-end MRR in \
			month N ÷ month 0 (constant currency: both at month N's exchange rates), so it can exceed 1; retained is \
			that MRR in minor units, accounts those still paying. rate is a fraction of column 0; weighted is the \
			cohort-size-weighted mean (revenue: MRR-weighted) of each column over complete cells only; a cell whose \
			period has not ended today in the company's time zone has inProgress=true and cells not begun are left \
			out. Cohorts under 5 people and weighted columns over fewer than 5 are named in tooLittleData (weighted.N, \
			whose rate is then null).""")
	ResponseEntity<?> table(@CurrentUser AuthenticatedUser user, HttpServletRequest request,
			@Parameter(description = "users (default), accounts or revenue") @RequestParam(required = false) String level,
			@Parameter(description = "day, week (default; revenue: month) or month") @RequestParam(required = false) String period,
			@Parameter(description = "first cohort: a day yyyy-MM-dd or a month yyyy-MM (its period); default periods−1 periods before to") @RequestParam(required = false) String from,
			@Parameter(description = "last cohort: a day or a month; default the period holding today") @RequestParam(required = false) String to,
			@Parameter(description = "columns, 1 to 60: default 8 (day, week) or 12 (month)") @RequestParam(required = false) String periods,
			@Parameter(description = "the event that puts someone in a cohort; default any event") @RequestParam(required = false) String startEvent,
			@Parameter(description = "the event that counts as coming back; default any event") @RequestParam(required = false) String returnEvent,
			@Parameter(description = "on (default): retained on period N; onOrAfter: on N or later") @RequestParam(required = false) String mode,
			@Parameter(description = "false (default): first-time cohorts; true: recurring") @RequestParam(required = false) String recurring,
			@Parameter(description = "return events it takes in a period to count as retained, default 1") @RequestParam(required = false) String repeats,
			@Parameter(description = "json (default) or csv") @RequestParam(required = false) String format) {
		user.requireAgent();
		boolean csv = csv(request, format);
		Map<String, Object> answer = retention.table(retention.parse(level, period, from, to, periods, startEvent,
				returnEvent, mode, recurring, repeats));
		if (!csv) {
			return ResponseEntity.ok(answer);
		}
		return csv("retention-" + answer.get("level") + "-" + answer.get("from") + "-" + answer.get("to") + ".csv",
				RetentionCsv.table(answer));
	}

	@GetMapping({ "/retention/members", "/retention/members.csv" })
	@Operation(summary = "The people or accounts of one cohort retention cell: {members:[{id, name, accountId, accountName}], total}", description = """
			Takes the table's options and cohort (its first day, or month) and n (its column). People: id is their key \
			(c:<contactId>, u:<userId> or a:<anonymousId>), name the contact's name or else the user id. Accounts and \
			revenue: id and name of the account. The first `limit` members (default 1,000, CSV: all up to 100,000) in id \
			order; total counts them all.""")
	ResponseEntity<?> members(@CurrentUser AuthenticatedUser user, HttpServletRequest request,
			@Parameter(description = "the cohort: its first day yyyy-MM-dd or its month yyyy-MM") @RequestParam(required = false) String cohort,
			@Parameter(description = "the column, 0 (the whole cohort) to periods−1") @RequestParam(required = false) String n,
			@RequestParam(required = false) String level, @RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String periods, @RequestParam(required = false) String startEvent,
			@RequestParam(required = false) String returnEvent, @RequestParam(required = false) String mode,
			@RequestParam(required = false) String recurring, @RequestParam(required = false) String repeats,
			@Parameter(description = "how many members to list, 1 to 100,000") @RequestParam(required = false) String limit,
			@Parameter(description = "json (default) or csv") @RequestParam(required = false) String format) {
		user.requireAgent();
		boolean csv = csv(request, format);
		String cohortOrFrom = cohort == null || cohort.isBlank() ? null : cohort;
		if (cohortOrFrom == null) {
			throw io.rapport.shared.InvalidInputException.of("cohort", "errors.retention.cohort", "");
		}
		// without from/to, the table is the one cohort asked for
		RetentionMetric.Options o = retention.parse(level, period, from == null || from.isBlank() ? cohort : from,
				to == null || to.isBlank() ? cohort : to, periods, startEvent, returnEvent, mode, recurring, repeats);
		Map<String, Object> answer = retention.members(o, cohort, n,
				csv && (limit == null || limit.isBlank()) ? String.valueOf(RetentionMetric.MAX_MEMBERS) : limit);
		if (!csv) {
			return ResponseEntity.ok(answer);
		}
		return csv("retention-members-" + answer.get("cohort") + "-" + answer.get("n") + ".csv", RetentionCsv.members(answer));
	}

	private static boolean csv(HttpServletRequest request, String format) {
		if (format != null && !format.isBlank() && !"csv".equalsIgnoreCase(format) && !"json".equalsIgnoreCase(format)) {
			throw io.rapport.shared.InvalidInputException.of("format", "errors.metrics.format", format);
		}
		return request.getRequestURI().endsWith(".csv") || "csv".equalsIgnoreCase(format);
	}

	private static ResponseEntity<String> csv(String filename, String body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.contentType(ReportsRestController.CSV)
			.body(body);
	}
}
