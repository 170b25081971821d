package io.rapport.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rapport.accounts.LifecycleStage;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Business dashboard ({@code /analytics/business}): MRR and its movements, logo and revenue churn, NRR and
 * GRR, lifetime value, LTV:CAC, adoption, time to value, NPS and CSAT for a range of months, by plan, owner and
 * lifecycle stage, each table also as CSV from the metrics or reports API. Bad filters show a message and the last
 * twelve months, never an error page.
 */
@Controller
@WorkspacePage
class BusinessPage {

	static final String ACTIVE_VIEW = "analytics:business";

	private final RevenueMetrics metrics;

	private final AdoptionMetric adoption;

	private final IdentityApi identity;

	private final MetricsFormat format;

	private final MessageSource messages;

	private final ValueSections sections;

	BusinessPage(RevenueMetrics metrics, AdoptionMetric adoption, IdentityApi identity, MetricsFormat format,
			MessageSource messages, ValueSections sections) {
		this.metrics = metrics;
		this.adoption = adoption;
		this.identity = identity;
		this.format = format;
		this.messages = messages;
		this.sections = sections;
	}

	@Bean
	static SidebarContribution businessSidebar() {
		return () -> List.of(SidebarEntry.link("analytics.nav.section", 331, "analytics.nav.business",
				"/analytics/business", ACTIVE_VIEW));
	}

	@GetMapping("/analytics/business")
	String show(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String period,
			@RequestParam(required = false) String plan, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String start, @RequestParam(required = false) String stage, Model model) {
		user.requireAgent();
		MetricsQuery q;
		try {
			q = MetricsQuery.parse(from, to, period, plan, owner, null, stage, metrics.thisMonth());
		}
		catch (TranslatableException e) {
			model.addAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
			q = MetricsQuery.parse(null, null, null, null, null, null, metrics.thisMonth());
		}
		Map<String, Object> mrr = metrics.mrr(q);
		String currency = (String) mrr.get("currency");
		model.addAttribute("q", q);
		model.addAttribute("periodParam", q.period().param());
		model.addAttribute("currency", currency);
		model.addAttribute("mrr", mrr);
		Map<String, Object> churn = metrics.churn(q, "churn");
		List<Map<String, Object>> churnRows = new ArrayList<>(rows(churn));
		churnRows.add(churn);
		model.addAttribute("churn", churn);
		model.addAttribute("churnRows", churnRows);
		model.addAttribute("clv", metrics.clv(q));
		model.addAttribute("ltv", metrics.ltvCac(q));
		model.addAttribute("adoption", adoption.adoption(adoption.parse(q.to().toString(), q.to().toString(), null,
				null)));
		model.addAttribute("movementsChart", movements(rows(mrr), currency));
		sections.addTo(model, q, start);
		model.addAttribute("plans", metrics.plans());
		model.addAttribute("owners", owners());
		model.addAttribute("stages", List.of(LifecycleStage.values()));
		model.addAttribute("stageParam", q.stage() == null ? null : q.stage().name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("periods", List.of("month", "quarter", "year"));
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "analytics/business";
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> answer) {
		return (List<Map<String, Object>>) answer.get("periods");
	}

	private StackedChart movements(List<Map<String, Object>> rows, String currency) {
		List<String> labels = rows.stream().map(r -> (String) r.get("period")).toList();
		List<StackedChart.Series> series = new ArrayList<>();
		series.add(series(rows, "newMrrCents", "s-new", false, "analytics.business.new", currency));
		series.add(series(rows, "expansionMrrCents", "s-expansion", false, "analytics.business.expansion", currency));
		series.add(series(rows, "reactivationMrrCents", "s-reactivation", false, "analytics.business.reactivation",
				currency));
		series.add(series(rows, "contractionMrrCents", "s-contraction", true, "analytics.business.contraction",
				currency));
		series.add(series(rows, "churnedMrrCents", "s-churned", true, "analytics.business.churned", currency));
		return StackedChart.of(labels, series);
	}

	private StackedChart.Series series(List<Map<String, Object>> rows, String field, String css, boolean loss,
			String label, String currency) {
		List<Long> values = rows.stream().map(r -> ((Number) r.get(field)).longValue()).toList();
		List<String> titles = rows.stream().map(r -> r.get("period") + " · " + text(label) + ": "
				+ format.money(r.get(field), currency)).toList();
		return new StackedChart.Series(css, loss, values, titles);
	}

	private List<AgentView> owners() {
		return identity.groupByKey(GroupView.SUCCESS).map(g -> identity.activeAgentsIn(g.id())).orElse(List.of());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
