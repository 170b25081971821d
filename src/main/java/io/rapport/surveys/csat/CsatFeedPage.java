package io.rapport.surveys.csat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.tickets.TicketLookup;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Satisfaction": every CSAT answer with its ticket, rating, comment and agent, filtered by rating and period,
 * under the period's CSAT % and response rate. Agents only.
 */
@Controller
@io.rapport.shared.web.WorkspacePage
class CsatFeedPage {

	static final String ACTIVE_VIEW = "surveys:csat";

	static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

	private final CsatReports reports;

	private final TicketLookup tickets;

	private final IdentityApi identity;

	private final Clock clock;

	CsatFeedPage(CsatReports reports, TicketLookup tickets, IdentityApi identity, Clock clock) {
		this.reports = reports;
		this.tickets = tickets;
		this.identity = identity;
		this.clock = clock;
	}

	@Bean
	static SidebarContribution csatSidebar() {
		return () -> List.of(SidebarEntry.link("surveys.nav.section", 330, "surveys.nav.csat", "/surveys/csat", ACTIVE_VIEW));
	}

	@GetMapping("/surveys/csat")
	String show(@CurrentUser AuthenticatedUser user, @RequestParam(defaultValue = "30") String days,
			@RequestParam(required = false) String rating, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		user.requireAgent();
		Integer asked = CsatLinkPages.rating(days);
		int period = asked != null && PERIODS.contains(asked) ? asked : 30;
		Integer only = CsatLinkPages.rating(rating);
		if (only != null && (only < 1 || only > 5)) {
			only = null;
		}
		Instant end = clock.instant();
		Instant start = end.minus(Duration.ofDays(period));
		LocalDate[] dates = dates(from, to);
		if (dates != null) {
			// the days a dashboard figure covers (UTC), both included
			start = dates[0].atStartOfDay(ZoneOffset.UTC).toInstant();
			end = dates[1].plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);
			model.addAttribute("from", dates[0]);
			model.addAttribute("to", dates[1]);
		}
		List<Answer> answers = reports.feed(start, end, only, CsatReports.FEED_LIMIT);
		Map<Long, String> agents = new HashMap<>();
		identity.agents().forEach(a -> agents.put(a.id(), a.name()));
		List<Row> rows = answers.stream().map(a -> new Row(a, tickets.header(a.ticketId()).orElse(null),
				a.agentId() == null ? null : agents.get(a.agentId()))).toList();
		model.addAttribute("summary", reports.summary(start, end));
		model.addAttribute("rows", rows);
		model.addAttribute("days", period);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("rating", only);
		model.addAttribute("limit", CsatReports.FEED_LIMIT);
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "surveys/csat-feed";
	}

	/** Both dates, from not after to and at most two years apart; else null (the feed shows its last days). */
	static LocalDate[] dates(String from, String to) {
		try {
			LocalDate start = LocalDate.parse(from == null ? "" : from.strip());
			LocalDate end = LocalDate.parse(to == null ? "" : to.strip());
			return start.isAfter(end) || start.plusDays(731).isBefore(end) ? null : new LocalDate[] { start, end };
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	public record Row(Answer answer, TicketLookup.TicketHeader ticket, String agentName) {
	}
}
