package io.rapport.workflows.internal;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketType;
import io.rapport.workflows.internal.SlaPolicy.EscalateAt;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins keep the business-hours calendars ({@code /admin/calendars}) and the SLA policies ({@code /admin/sla}):
 * ordered, each with its conditions, targets, warnings and actions. A bad field comes back as a message on the
 * page with what was typed lost only for that one form.
 */
@Controller
@WorkspacePage
class SlaAdminPages {

	private final CalendarStore calendars;

	private final SlaPolicies policies;

	private final IdentityApi identity;

	private final PageForms forms;

	SlaAdminPages(CalendarStore calendars, SlaPolicies policies, IdentityApi identity, PageForms forms) {
		this.calendars = calendars;
		this.policies = policies;
		this.identity = identity;
		this.forms = forms;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		AdminLink slaAdminLink() {
			return new AdminLink("sla.admin", "sla.admin.subtitle", "/admin/sla", "admin:sla", 70);
		}

		@Bean
		AdminLink calendarsAdminLink() {
			return new AdminLink("calendars.admin", "calendars.admin.subtitle", "/admin/calendars",
					"admin:calendars", 71);
		}
	}

	@GetMapping("/admin/calendars")
	String calendars(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		model.addAttribute("calendars", calendars.all());
		model.addAttribute("defaultId", calendars.defaultId());
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
		model.addAttribute("forms", new FormText());
		model.addAttribute("activeView", "admin:calendars");
		return "workflows/calendars";
	}

	@PostMapping("/admin/calendars")
	String createCalendar(@CurrentUser AuthenticatedUser user, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> calendars.create(SlaForms.calendar(form)), "calendars.created",
				"/admin/calendars");
	}

	@PostMapping("/admin/calendars/{id}")
	String changeCalendar(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> calendars.change(id, SlaForms.calendar(form)), "calendars.saved",
				"/admin/calendars");
	}

	@PostMapping("/admin/calendars/{id}/delete")
	String deleteCalendar(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> calendars.delete(id), "calendars.deleted", "/admin/calendars");
	}

	@GetMapping("/admin/sla")
	String policies(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		model.addAttribute("policies", policies.all());
		model.addAttribute("calendars", calendars.all());
		model.addAttribute("defaultCalendarId", calendars.defaultId());
		model.addAttribute("groups", identity.groups());
		model.addAttribute("priorities", TicketPriority.values());
		model.addAttribute("types", TicketType.values());
		model.addAttribute("escalateAts", EscalateAt.values());
		model.addAttribute("activeView", "admin:sla");
		return "workflows/policies";
	}

	@PostMapping("/admin/sla")
	String createPolicy(@CurrentUser AuthenticatedUser user, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> policies.save(SlaForms.policy(0, form)), "sla.policy.created", "/admin/sla");
	}

	@PostMapping("/admin/sla/{id}")
	String changePolicy(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> policies.save(SlaForms.policy(id, form)), "sla.policy.saved", "/admin/sla");
	}

	@PostMapping("/admin/sla/{id}/move")
	String movePolicy(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestParam int delta,
			RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> policies.move(id, delta), "sla.policy.saved", "/admin/sla");
	}

	@PostMapping("/admin/sla/{id}/delete")
	String deletePolicy(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> policies.delete(id), "sla.policy.deleted", "/admin/sla");
	}

	private String apply(RedirectAttributes redirect, Runnable work, String notice, String back) {
		try {
			work.run();
			redirect.addFlashAttribute("notice", forms.message(notice));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("error", forms.message(e));
		}
		return "redirect:" + back;
	}

	/** The calendar's hours and holidays as the form's text fields show them. */
	static class FormText {

		public String hours(io.rapport.workflows.BusinessCalendar calendar, DayOfWeek day) {
			return SlaForms.hoursText(calendar, day);
		}

		public String holidays(io.rapport.workflows.BusinessCalendar calendar) {
			return SlaForms.holidaysText(calendar);
		}

		public List<DayOfWeek> week() {
			return List.of(DayOfWeek.values());
		}
	}
}
