package io.rapport.analytics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.rapport.accounts.AccountsApi;
import io.rapport.surveys.CsatCommentTexts;
import io.rapport.analytics.internal.ReportQuery.GroupBy;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.Channel;
import io.rapport.tickets.TicketStatus;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The support lead's dashboard ({@code /analytics}) and an agent's view ({@code /analytics/agents/{id}}): the
 * reports for a period with filters, drawn as SVG charts with the numbers in tables, each figure linking to the
 * tickets behind it. Bad filters show a message and the default period, never an error page.
 */
@Controller
@WorkspacePage
class DashboardPage {

	static final String ACTIVE_VIEW = "analytics";

	static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

	private final Reports reports;

	private final Dashboard dashboard;

	private final DashboardFigures figures;

	private final Labels labels;

	private final AccountsApi accounts;

	private final AnalyticsFormat format;

	private final MessageSource messages;

	private final Clock clock;

	private final CsatCommentTexts commentTexts;

	DashboardPage(Reports reports, Dashboard dashboard, DashboardFigures figures, Labels labels, AccountsApi accounts,
			AnalyticsFormat format, MessageSource messages, Clock clock, CsatCommentTexts commentTexts) {
		this.figures = figures;
		this.commentTexts = commentTexts;
		this.reports = reports;
		this.dashboard = dashboard;
		this.labels = labels;
		this.accounts = accounts;
		this.format = format;
		this.messages = messages;
		this.clock = clock;
	}

	@Bean
	static SidebarContribution analyticsSidebar() {
		return () -> List.of(SidebarEntry.link("analytics.nav.section", 330, "analytics.nav.dashboard", "/analytics",
				ACTIVE_VIEW));
	}

	/** A row of a table: its key, what people read, its figures and the tickets behind it. */
	record Line(Object key, String label, Map<String, Object> figures, String href) {

		public Object get(String figure) {
			return figures.get(figure);
		}
	}

	@GetMapping("/analytics")
	String show(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) Integer days,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String group,
			@RequestParam(required = false) String account, Model model) {
		user.requireAgent();
		ReportQuery q = query(days, from, to, channel, group, account, null, model);
		GroupBy grain = q.trendGrain();
		List<String> periods = periods(q, grain);
		DashboardFigures.Figures f = figures.of(q, grain);

		Report asa = f.asa();
		model.addAttribute("asa", asa.total());
		model.addAttribute("asaLink", TicketLinks.created(q).answered(true).href());
		model.addAttribute("waitingLink", TicketLinks.unsolved(q).answered(false)
			.range("created", null, q.to()).href());
		List<Line> asaTrend = fill(periods, asa.rows(), grain, q, k -> TicketLinks.created(q).answered(true)
			.key(grain, k, "created", q).href());
		model.addAttribute("asaTrend", asaTrend);
		model.addAttribute("asaChart", line(asaTrend, "value", format::seconds));
		model.addAttribute("asaByChannel", lines(f.asaByChannel(), GroupBy.CHANNEL, q,
				k -> TicketLinks.created(q).answered(true).key(GroupBy.CHANNEL, k, "created", q).href()));

		Report csat = f.csat();
		model.addAttribute("csat", csat.total());
		List<Line> csatTrend = fill(periods, csat.rows(), grain, q, k -> ReportLinks.csatFeed(q, grain, k));
		model.addAttribute("csatTrend", csatTrend);
		model.addAttribute("csatChart", line(csatTrend, "value", format::percent));
		model.addAttribute("csatLink", ReportLinks.csatFeed(q, null, null));
		model.addAttribute("comments", comments(f.comments()));

		Report nps = f.nps();
		model.addAttribute("nps", nps.total());
		model.addAttribute("npsTrend", fill(periods, nps.rows(), grain, q, k -> null));
		model.addAttribute("npsFiltered", q.channel() != null || q.group() != null);
		model.addAttribute("npsLink", ReportLinks.npsResults(q));

		Report sla = f.sla();
		model.addAttribute("sla", sla.total());
		model.addAttribute("slaTargets", lines(sla, GroupBy.TARGET, q, k -> null));
		model.addAttribute("slaLink", ReportLinks.csv("sla", q, GroupBy.TARGET));

		Report volume = f.volume();
		model.addAttribute("volume", volume.total());
		model.addAttribute("createdLink", TicketLinks.created(q).href());
		model.addAttribute("solvedLink", TicketLinks.solved(q).href());
		List<Line> volumeTrend = fill(periods, volume.rows(), grain, q, k -> TicketLinks.created(q)
			.key(grain, k, "created", q).href());
		model.addAttribute("volumeTrend", volumeTrend);
		model.addAttribute("solvedLinks", periods.stream().map(k -> TicketLinks.solved(q).key(grain, k, "solved", q)
			.href()).toList());
		model.addAttribute("volumeChart", volumeChart(volumeTrend, periods, grain, q));

		backlog(q, f, model);
		resolution(q, f.resolution(), model);
		model.addAttribute("grain", grain.param());
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "analytics/dashboard";
	}

	@GetMapping("/analytics/agents/{id}")
	String agent(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestParam(required = false) Integer days,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String group, Model model) {
		user.requireAgent();
		ReportQuery q = query(days, from, to, channel, group, null, id, model);
		GroupBy grain = q.trendGrain();
		List<String> periods = periods(q, grain);
		model.addAttribute("agentId", id);
		model.addAttribute("agentName", labels.agentName(id));
		Report asa = reports.asa(q.groupedBy(grain));
		model.addAttribute("asa", asa.total());
		model.addAttribute("asaLink", TicketLinks.created(q).answered(true).href());
		List<Line> asaTrend = fill(periods, asa.rows(), grain, q, k -> TicketLinks.created(q).answered(true)
			.key(grain, k, "created", q).href());
		model.addAttribute("asaTrend", asaTrend);
		model.addAttribute("asaChart", line(asaTrend, "value", format::seconds));
		Report csat = reports.csat(q.groupedBy(grain));
		model.addAttribute("csat", csat.total());
		List<Line> csatTrend = fill(periods, csat.rows(), grain, q, k -> null);
		model.addAttribute("csatTrend", csatTrend);
		model.addAttribute("csatChart", line(csatTrend, "value", format::percent));
		model.addAttribute("comments", comments(dashboard.latestComments(q, 10)));
		model.addAttribute("grain", grain.param());
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "analytics/agent";
	}

	/** The query the page's parameters ask for; on bad input, the message and the last 30 days unfiltered. */
	private ReportQuery query(Integer days, String from, String to, String channel, String group, String account,
			Long agent, Model model) {
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		int period = days != null && PERIODS.contains(days) ? days : 30;
		ReportQuery q;
		try {
			boolean custom = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
			q = ReportQuery.parse(custom ? from : today.minusDays(period - 1L).toString(), custom ? to : today.toString(),
					null, group, channel, account, agent == null ? null : agent.toString(), today);
			labels.requireGroup(q.group());
			model.addAttribute("custom", custom);
		}
		catch (TranslatableException e) {
			model.addAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
			q = new ReportQuery(today.minusDays(29), today, null, null, null, null, agent);
			period = 30;
			model.addAttribute("custom", false);
		}
		model.addAttribute("q", q);
		model.addAttribute("days", period);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("groups", labels.groupList());
		model.addAttribute("accounts", accounts.searchAccounts("", 0, 200).items());
		return q;
	}

	private List<Map<String, Object>> comments(List<Dashboard.Comment> latest) {
		Map<Object, String> agents = labels.agents();
		Map<Long, String> texts = commentTexts.commentsOn(latest.stream().map(Dashboard.Comment::ticketId).toList());
		return latest.stream().map(c -> {
			Map<String, Object> row = new HashMap<>();
			row.put("ticketId", c.ticketId());
			row.put("rating", c.rating());
			row.put("comment", texts.get(c.ticketId()));
			row.put("agent", c.agentId() == null ? null : agents.getOrDefault(c.agentId(), "#" + c.agentId()));
			row.put("agentId", c.agentId());
			row.put("at", c.at());
			return row;
		}).toList();
	}

	private void backlog(ReportQuery q, DashboardFigures.Figures f, Model model) {
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		List<Dashboard.Bucket> ages = f.ages();
		List<String> ageLabels = new ArrayList<>();
		List<String> ageLinks = new ArrayList<>();
		int[] bounds = Dashboard.AGE_DAYS;
		for (int i = 0; i <= bounds.length; i++) {
			ageLabels.add(i == 0 ? text("analytics.age.under", bounds[0])
					: i == bounds.length ? text("analytics.age.over", bounds[i - 1])
							: text("analytics.age.between", bounds[i - 1], bounds[i]));
			LocalDate newest = i == 0 ? today : today.minusDays(bounds[i - 1]);
			LocalDate oldest = i == bounds.length ? null : today.minusDays(bounds[i]);
			ageLinks.add(TicketLinks.unsolved(q).range("created", oldest, newest).href());
		}
		model.addAttribute("backlogAge", buckets(ages, ageLabels, ageLinks));
		model.addAttribute("backlogAgeChart", Chart.bars(ageLabels, ages.stream().map(Dashboard.Bucket::count).toList(),
				titles(ageLabels, ages), ageLinks));
		Map<Object, String> groupNames = labels.groups();
		List<Dashboard.Bucket> byGroup = f.byGroup();
		model.addAttribute("backlogGroups", buckets(byGroup,
				byGroup.stream().map(b -> groupNames.getOrDefault(b.key(), b.key())).toList(),
				byGroup.stream().map(b -> TicketLinks.unsolved(q).key(GroupBy.GROUP, b.key(), null, q).href()).toList()));
		List<Dashboard.Bucket> byStatus = f.byStatus();
		model.addAttribute("backlogStatuses", buckets(byStatus,
				byStatus.stream().map(b -> text("analytics.status." + TicketStatus.valueOf(b.key()).name())).toList(),
				byStatus.stream().map(b -> TicketLinks.unsolved(q).status(b.key()).href()).toList()));
		model.addAttribute("backlogTotal", ages.stream().mapToLong(Dashboard.Bucket::count).sum());
		model.addAttribute("backlogLink", TicketLinks.unsolved(q).href());
	}

	private void resolution(ReportQuery q, List<Dashboard.Bucket> times, Model model) {
		int[] bounds = Dashboard.RESOLUTION_HOURS;
		List<String> names = new ArrayList<>();
		for (int i = 0; i <= bounds.length; i++) {
			names.add(i == 0 ? text("analytics.hours.under", bounds[0])
					: i == bounds.length ? text("analytics.hours.over", bounds[i - 1])
							: text("analytics.hours.between", bounds[i - 1], bounds[i]));
		}
		String link = TicketLinks.solved(q).href();
		List<String> links = names.stream().map(n -> link).toList();
		model.addAttribute("resolution", buckets(times, names, links));
		model.addAttribute("resolutionChart", Chart.bars(names, times.stream().map(Dashboard.Bucket::count).toList(),
				titles(names, times), links));
	}

	private static List<Line> buckets(List<Dashboard.Bucket> buckets, List<String> names, List<String> links) {
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < buckets.size(); i++) {
			lines.add(new Line(buckets.get(i).key(), names.get(i), Map.of("count", buckets.get(i).count()),
					links.get(i)));
		}
		return lines;
	}

	private static List<String> titles(List<String> names, List<Dashboard.Bucket> buckets) {
		List<String> titles = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			titles.add(names.get(i) + ": " + buckets.get(i).count());
		}
		return titles;
	}

	private List<Line> lines(Report report, GroupBy by, ReportQuery q, Function<Object, String> link) {
		return report.rows().stream().map(row -> new Line(row.get("key"), label(row, by), row, link.apply(row.get("key"))))
			.toList();
	}

	private String label(Map<String, Object> row, GroupBy by) {
		Object key = row.get("key");
		if (row.get("label") != null) {
			return row.get("label").toString();
		}
		if (key == null) {
			return text("analytics.none");
		}
		if (by == GroupBy.CHANNEL) {
			return text("analytics.channel." + key);
		}
		if (by == GroupBy.TARGET) {
			return text("analytics.target." + key);
		}
		return key.toString();
	}

	/** Every period of the query, with the report's row where there is one (a period without data stays empty). */
	private List<Line> fill(List<String> periods, List<Map<String, Object>> rows, GroupBy grain, ReportQuery q,
			Function<Object, String> link) {
		Map<Object, Map<String, Object>> byKey = new LinkedHashMap<>();
		rows.forEach(row -> byKey.put(row.get("key"), row));
		return periods.stream().map(p -> new Line(p, p, byKey.getOrDefault(p, Map.of()), link.apply(p))).toList();
	}

	static List<String> periods(ReportQuery q, GroupBy grain) {
		List<String> keys = new ArrayList<>();
		LocalDate at = grain == GroupBy.DAY ? q.from() : grain == GroupBy.WEEK ? Days.week(q.from()) : Days.month(q.from());
		while (!at.isAfter(q.to())) {
			keys.add(grain == GroupBy.MONTH ? at.toString().substring(0, 7) : at.toString());
			at = grain == GroupBy.DAY ? at.plusDays(1) : grain == GroupBy.WEEK ? at.plusWeeks(1) : at.plusMonths(1);
		}
		return keys;
	}

	private static Chart line(List<Line> trend, String figure, Function<Object, String> show) {
		List<String> labels = trend.stream().map(Line::label).toList();
		List<Number> values = trend.stream().map(l -> (Number) l.get(figure)).toList();
		List<String> titles = trend.stream().map(l -> l.label() + ": " + show.apply(l.get(figure)) + " ("
				+ (l.get("count") == null ? 0 : l.get("count")) + ")").toList();
		return Chart.line(labels, values, titles, trend.stream().map(Line::href).toList());
	}

	private Chart volumeChart(List<Line> trend, List<String> periods, GroupBy grain, ReportQuery q) {
		List<String> labels = trend.stream().map(Line::label).toList();
		List<Number> created = trend.stream().map(l -> (Number) l.figures().getOrDefault("value", 0L)).toList();
		List<Number> solved = trend.stream().map(l -> (Number) l.figures().getOrDefault("solved", 0L)).toList();
		List<String> createdTitles = new ArrayList<>();
		List<String> solvedTitles = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			createdTitles.add(text("analytics.volume.createdOn", labels.get(i), created.get(i)));
			solvedTitles.add(text("analytics.volume.solvedOn", labels.get(i), solved.get(i)));
		}
		List<String> solvedLinks = periods.stream().map(k -> TicketLinks.solved(q).key(grain, k, "solved", q).href())
			.toList();
		return Chart.pairs(labels, created, solved, createdTitles, solvedTitles,
				trend.stream().map(Line::href).toList(), solvedLinks);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
