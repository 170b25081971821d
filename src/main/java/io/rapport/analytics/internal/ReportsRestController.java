package io.rapport.analytics.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports as JSON ({@code {from, to, groupBy, total, rows}}) or CSV ({@code ?format=csv} or
 * {@code /api/v1/reports/asa.csv}), for agents and admins.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Speed of answer, CSAT, NPS, SLA compliance and volume")
class ReportsRestController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Reports reports;

	private final Clock clock;

	ReportsRestController(Reports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/{kind}")
	@Operation(summary = "A report: asa, csat, nps, sla or volume (append .csv or pass format=csv for CSV)")
	ResponseEntity<?> report(@CurrentUser AuthenticatedUser user, @PathVariable String kind,
			@Parameter(description = "first day, yyyy-MM-dd (UTC); default 29 days before to") @RequestParam(required = false) String from,
			@Parameter(description = "last day included, yyyy-MM-dd (UTC); default today") @RequestParam(required = false) String to,
			@Parameter(description = "channel, group, agent, account, priority, day, week or month (sla also target, policy)") @RequestParam(required = false) String groupBy,
			@Parameter(description = "a group key, e.g. tier1") @RequestParam(required = false) String group,
			@Parameter(description = "EMAIL, CHAT, PHONE, PORTAL or API") @RequestParam(required = false) String channel,
			@Parameter(description = "an account id") @RequestParam(required = false) String account,
			@Parameter(description = "an agent id") @RequestParam(required = false) String agent,
			@Parameter(description = "json (default) or csv") @RequestParam(required = false) String format) {
		user.requireAgent();
		Requested requested = Requested.of(kind, format, Reports.KINDS, "report", "errors.analytics.report", "errors.analytics.format");
		String name = requested.name();
		boolean csv = requested.csv();
		ReportQuery query = ReportQuery.parse(from, to, groupBy, group, channel, account, agent, today());
		Report report = reports.report(name, query);
		if (!csv) {
			return ResponseEntity.ok(report);
		}
		String filename = name + "-" + report.from() + "-" + report.to()
				+ (report.groupBy() == null ? "" : "-by-" + report.groupBy()) + ".csv";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.contentType(CSV)
			.body(Csv.of(report));
	}

	private LocalDate today() {
		return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
	}
}
