package io.rapport.analytics.internal;

import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The people or accounts of one cohort retention cell ({@code /analytics/business/retention/members}), opened from a
 * cell of the Business page's heat-map, with their CSV from the metrics API. Takes the API's parameters.
 */
@Controller
@WorkspacePage
class RetentionMembersPage {

	static final int SHOWN = 500;

	private final RetentionMetric retention;

	private final MessageSource messages;

	RetentionMembersPage(RetentionMetric retention, MessageSource messages) {
		this.retention = retention;
		this.messages = messages;
	}

	@GetMapping(RetentionSection.MEMBERS_PAGE)
	String show(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String cohort,
			@RequestParam(required = false) String n, @RequestParam(required = false) String level,
			@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String periods,
			@RequestParam(required = false) String startEvent, @RequestParam(required = false) String returnEvent,
			@RequestParam(required = false) String mode, @RequestParam(required = false) String recurring,
			@RequestParam(required = false) String repeats, Model model) {
		user.requireAgent();
		model.addAttribute("activeView", BusinessPage.ACTIVE_VIEW);
		try {
			RetentionMetric.Options o = retention.parse(level, period, blank(from) ? cohort : from,
					blank(to) ? cohort : to, periods, startEvent, returnEvent, mode, recurring, repeats);
			if (blank(cohort)) {
				throw io.rapport.shared.InvalidInputException.of("cohort", "errors.retention.cohort", "");
			}
			Map<String, Object> answer = retention.members(o, cohort, n, String.valueOf(SHOWN));
			Map<String, Object> params = new java.util.LinkedHashMap<>(o.params());
			params.put("cohort", answer.get("cohort"));
			params.put("n", answer.get("n"));
			model.addAttribute("answer", answer);
			model.addAttribute("options", o);
			model.addAttribute("people", o.level() == RetentionMetric.Level.USERS);
			model.addAttribute("column", messages.getMessage("analytics.retention.column." + o.unitParam(),
					new Object[] { answer.get("n") }, LocaleContextHolder.getLocale()));
			model.addAttribute("csv", RetentionSection.url("/api/v1/metrics/retention/members.csv", params));
			model.addAttribute("shown", SHOWN);
		}
		catch (TranslatableException e) {
			model.addAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
		}
		return "analytics/retention-members";
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
