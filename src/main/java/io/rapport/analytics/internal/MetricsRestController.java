package io.rapport.analytics.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The business metrics as JSON (or CSV of their rows with {@code .csv} or {@code format=csv}) for agents; the
 * monthly spend and exchange rates they use, written by admins. Definitions: docs/metrics.md.
 */
@RestController
@RequestMapping("/api/v1/metrics")
@Tag(name = "Business metrics", description = """
		MRR movements per month (new: first paid month; expansion and contraction: an account paying at both ends \
		paying more or less; churned: paying at the start, nothing at the end; reactivation: nothing the month \
		before, paid before that), net new MRR, quick ratio = (new + expansion) ÷ (contraction + churned); \
		logo churn rate = accounts lost ÷ accounts paying at the start (new accounts of the period excluded); \
		gross revenue churn = (churned + contraction MRR) ÷ starting MRR, GRR = 1 − that; net revenue churn = \
		(churned + contraction − expansion) ÷ starting MRR; NRR = (start + expansion − contraction − churned) ÷ start; \
		ARPA = MRR ÷ paying accounts; CLV simple = ARPA × lifetime (1 ÷ monthly logo churn, or lifetimeMonths), \
		churn-based = ARPA × gross margin ÷ monthly revenue churn, lifetimes capped at 120 months; CAC = sales and \
		marketing spend ÷ new accounts; CAC payback = CAC ÷ (new MRR per new account × gross margin); adoption = \
		people who used the features in the window ÷ people active in it; time to value = days from signup (or \
		start=subscription: the first subscription's start) to the first day of a value event, median and distribution \
		per monthly cohort of starts. Money in minor units of the reporting \
		currency, rates as fractions; months in the company's time zone. A rate over fewer than 5 accounts is null \
		and named in tooLittleData.""")
class MetricsRestController {

	static final List<String> KINDS = List.of("churn", "mrr", "nrr", "clv", "ltv-cac", "adoption", "ttv");

	private final RevenueMetrics metrics;

	private final AdoptionMetric adoption;

	private final MetricSettings settings;

	private final TtvMetric ttv;

	MetricsRestController(RevenueMetrics metrics, AdoptionMetric adoption, MetricSettings settings, TtvMetric ttv) {
		this.metrics = metrics;
		this.adoption = adoption;
		this.settings = settings;
		this.ttv = ttv;
	}

	@GetMapping("/{kind}")
	@Operation(summary = "A metric: churn, mrr, nrr, clv, ltv-cac, adoption or ttv (append .csv or pass format=csv for its rows as CSV)")
	ResponseEntity<?> metric(@CurrentUser AuthenticatedUser user, @PathVariable String kind,
			@Parameter(description = "first month, yyyy-MM (adoption: a day yyyy-MM-dd or a month); default 11 months before to") @RequestParam(required = false) String from,
			@Parameter(description = "last month included, yyyy-MM (adoption: a day or a month); default this month") @RequestParam(required = false) String to,
			@Parameter(description = "rows per month (default), quarter or year") @RequestParam(required = false) String period,
			@Parameter(description = "only the subscriptions of this plan") @RequestParam(required = false) String plan,
			@Parameter(description = "only the accounts this agent owns (an id)") @RequestParam(required = false) String owner,
			@Parameter(description = "clv: the expected lifetime in months instead of 1 ÷ monthly logo churn") @RequestParam(required = false) String lifetimeMonths,
			@Parameter(description = "adoption: event names, comma-separated; default the core features") @RequestParam(required = false) String features,
			@Parameter(description = "adoption: users (default) or accounts") @RequestParam(required = false) String by,
			@Parameter(description = "ttv: where the clock starts, signup (default) or subscription") @RequestParam(required = false) String start,
			@Parameter(description = "only the accounts in this lifecycle stage now (onboarding, adoption, retention, expansion, advocacy)") @RequestParam(required = false) String stage,
			@Parameter(description = "json (default) or csv") @RequestParam(required = false) String format) {
		user.requireAgent();
		Requested requested = Requested.of(kind, format, KINDS, "metric", "errors.metrics.metric", "errors.metrics.format");
		String name = requested.name();
		boolean csv = requested.csv();
		Map<String, Object> answer;
		if ("ttv".equals(name)) {
			answer = ttv.ttv(ttv.parse(from, to, start, owner, stage));
		}
		else {
			answer = "adoption".equals(name) ? adoption.adoption(adoption.parse(from, to, features, by))
					: revenue(name, MetricsQuery.parse(from, to, period, plan, owner, lifetimeMonths, stage,
							metrics.thisMonth()));
		}
		if (!csv) {
			return ResponseEntity.ok(answer);
		}
		String filename = name + "-" + answer.get("from") + "-" + answer.get("to") + ".csv";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.contentType(ReportsRestController.CSV)
			.body(MetricsCsv.of(answer));
	}

	private Map<String, Object> revenue(String name, MetricsQuery q) {
		return switch (name) {
			case "mrr" -> metrics.mrr(q);
			case "clv" -> metrics.clv(q);
			case "ltv-cac" -> metrics.ltvCac(q);
			default -> metrics.churn(q, name);
		};
	}

	/** {@code PUT /api/v1/metrics/spend/{month}}: the month's sales and marketing spend. */
	record SpendInput(@NotNull Long amountCents, String currency) {
	}

	@PutMapping("/spend/{month}")
	@Operation(summary = "Sales and marketing spend of a month (admins): {amountCents, currency}; currency defaults to the reporting currency")
	Map<String, Object> putSpend(@CurrentUser AuthenticatedUser user, @PathVariable String month,
			@jakarta.validation.Valid @RequestBody SpendInput input) {
		user.requireAdmin();
		YearMonth m = MetricsQuery.month(month, "month", null);
		settings.putSpend(m, input.amountCents(), input.currency());
		MetricSettings.Spend saved = settings.spend(m, m).get(0);
		return Map.of("month", saved.month().toString(), "amountCents", saved.amountCents(), "currency",
				saved.currency());
	}

	/** {@code PUT /api/v1/metrics/rates/{month}/{currency}}: one unit of the currency in the reporting currency. */
	record RateInput(@NotNull java.math.BigDecimal rate) {
	}

	@PutMapping("/rates/{month}/{currency}")
	@Operation(summary = "An exchange rate entered by an admin: what one unit of the currency was worth in the reporting currency that month")
	Map<String, Object> putRate(@CurrentUser AuthenticatedUser user, @PathVariable String month,
			@PathVariable String currency, @jakarta.validation.Valid @RequestBody RateInput input) {
		user.requireAdmin();
		YearMonth m = MetricsQuery.month(month, "month", null);
		settings.putRate(m, currency, input.rate().toPlainString());
		return Map.of("month", m.toString(), "currency", MetricSettings.currency(currency, "currency"), "rate",
				input.rate(), "reportingCurrency", settings.settings().reportingCurrency());
	}
}
