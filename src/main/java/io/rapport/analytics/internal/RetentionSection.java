package io.rapport.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.TranslatableException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Business page's cohort retention section (template analytics/retention :: section): its own form, whose
 * parameters start with {@code r} so they never meet the page's filter, the heat-map table with each cell a link
 * to its members, and the CSV link. Kept out of {@link BusinessPage} so the page's other sections change apart.
 * Bad options show a message and the default table, never an error page.
 */
@ControllerAdvice(assignableTypes = BusinessPage.class)
class RetentionSection {

	static final String MEMBERS_PAGE = "/analytics/business/retention/members";

	private final RetentionMetric retention;

	private final MetricsFormat format;

	private final MessageSource messages;

	RetentionSection(RetentionMetric retention, MetricsFormat format, MessageSource messages) {
		this.retention = retention;
		this.format = format;
		this.messages = messages;
	}

	@ModelAttribute
	void retention(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String rlevel,
			@RequestParam(required = false) String rperiod, @RequestParam(required = false) String rfrom,
			@RequestParam(required = false) String rto, @RequestParam(required = false) String rperiods,
			@RequestParam(required = false) String rstart, @RequestParam(required = false) String rreturn,
			@RequestParam(required = false) String rmode, @RequestParam(required = false) String rrecurring,
			@RequestParam(required = false) String rrepeats, Model model) {
		user.requireAgent();
		RetentionMetric.Options o;
		try {
			o = retention.parse(rlevel, rperiod, rfrom, rto, rperiods, rstart, rreturn, rmode, rrecurring, rrepeats);
		}
		catch (TranslatableException e) {
			model.addAttribute("retError", messages.getMessage(e, LocaleContextHolder.getLocale()));
			o = retention.parse(null, null, null, null, null, null, null, null, null, null);
		}
		Map<String, Object> table = retention.table(o);
		model.addAttribute("ret", table);
		model.addAttribute("retOptions", o.params());
		model.addAttribute("retView", view(o, table));
		model.addAttribute("retCsv", url("/api/v1/metrics/retention.csv", o.params()));
		model.addAttribute("retLevels", List.of("users", "accounts", "revenue"));
		model.addAttribute("retPeriods", List.of("day", "week", "month"));
	}

	/** The table as the page shows it: texts, shading and links computed here, not in the template. */
	record View(List<String> columns, List<Row> rows, List<String> weighted, boolean revenue) {
	}

	record Row(String start, String size, boolean small, List<Cell> cells) {
	}

	record Cell(String text, String css, String href, String title) {
	}

	@SuppressWarnings("unchecked")
	private View view(RetentionMetric.Options o, Map<String, Object> table) {
		boolean revenue = o.level() == RetentionMetric.Level.REVENUE;
		String currency = (String) table.get("currency");
		List<String> columns = new ArrayList<>();
		for (int n = 0; n < o.columns(); n++) {
			columns.add(text("analytics.retention.column." + o.unitParam(), n));
		}
		List<String> tooLittle = (List<String>) table.get("tooLittleData");
		List<Row> rows = new ArrayList<>();
		for (Map<String, Object> cohort : (List<Map<String, Object>>) table.get("cohorts")) {
			String start = (String) cohort.get("start");
			List<Cell> cells = new ArrayList<>();
			List<Map<String, Object>> periods = (List<Map<String, Object>>) cohort.get("periods");
			for (int n = 0; n < o.columns(); n++) {
				if (n >= periods.size()) {
					cells.add(new Cell("", "heat-none", null, null));
					continue;
				}
				Map<String, Object> cell = periods.get(n);
				Object rate = cell.get("rate");
				boolean open = Boolean.TRUE.equals(cell.get("inProgress"));
				int heat = rate instanceof Number r ? (int) Math.min(10, Math.round(r.doubleValue() * 10)) : 0;
				String retained = revenue ? format.money(cell.get("retained"), currency)
						: String.valueOf(cell.get("retained"));
				String title = start + " · " + columns.get(n) + ": " + retained
						+ (revenue ? " · " + text("analytics.retention.payingAccounts", cell.get("accounts")) : "")
						+ (open ? " · " + text("analytics.retention.inProgress") : "");
				Map<String, Object> params = new java.util.LinkedHashMap<>(o.params());
				params.put("cohort", start);
				params.put("n", n);
				cells.add(new Cell(format.rate(rate) + (open ? " *" : ""), "heat-" + heat + (open ? " heat-open" : ""),
						url(MEMBERS_PAGE, params), title));
			}
			String size = revenue ? text("analytics.retention.revenueSize", cohort.get("size"),
					format.money(cohort.get("mrrCents"), currency)) : String.valueOf(cohort.get("size"));
			rows.add(new Row(start, size, tooLittle.contains(start), cells));
		}
		List<String> weighted = new ArrayList<>();
		for (Map<String, Object> w : (List<Map<String, Object>>) table.get("weighted")) {
			weighted.add(w.get("rate") != null ? format.rate(w.get("rate"))
					: ((Number) w.get("cohorts")).intValue() == 0 ? "–" : text("analytics.business.tooLittle", w.get("size")));
		}
		return new View(columns, rows, weighted, revenue);
	}

	static String url(String path, Map<String, Object> params) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		params.forEach((k, v) -> {
			if (v != null && !String.valueOf(v).isEmpty()) {
				b.queryParam(k, "{" + k + "}");
			}
		});
		Map<String, Object> values = new java.util.HashMap<>();
		params.forEach((k, v) -> values.put(k, v == null ? "" : String.valueOf(v)));
		return b.encode().buildAndExpand(values).toUriString();
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
