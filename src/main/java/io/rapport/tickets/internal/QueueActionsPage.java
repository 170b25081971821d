package io.rapport.tickets.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.ForbiddenException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.BulkChange;
import io.rapport.tickets.BulkResult;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What agents do to a queue as a whole: apply one change to the selected tickets, and save or remove a view.
 * Each answers with a redirect back to the queue, carrying a summary (n changed, m skipped and why).
 */
@Controller
@WorkspacePage
class QueueActionsPage {

	private final TicketsApi tickets;

	private final SavedViewService savedViews;

	private final PageForms forms;

	QueueActionsPage(TicketsApi tickets, SavedViewService savedViews, PageForms forms) {
		this.tickets = tickets;
		this.savedViews = savedViews;
		this.forms = forms;
	}

	@PostMapping("/tickets/bulk")
	String bulk(@CurrentUser AuthenticatedUser user, @RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String status,
			@RequestParam(required = false) String priority, @RequestParam(required = false) String addTags,
			@RequestParam(required = false) String removeTags, @RequestParam(required = false) String escalateTo,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		Long assigneeId = "me".equals(assignee) ? Long.valueOf(user.id())
				: assignee != null && assignee.matches("\\d{1,18}") ? Long.valueOf(assignee) : null;
		BulkChange change = new BulkChange(assigneeId, "unassigned".equals(assignee),
				forms.parse(TicketStatus.class, status, "status", errors),
				forms.parse(TicketPriority.class, priority, "priority", errors), split(addTags), split(removeTags),
				blankToNull(escalateTo), reason == null || reason.length() > 2000 ? null : reason);
		if (errors.isEmpty()) {
			try {
				BulkResult result = tickets.bulkChange(ids == null ? List.of() : ids, change, user);
				redirect.addFlashAttribute("bulkNotice",
						forms.message("bulk.done", result.changed().size(), result.skipped().size()));
				redirect.addFlashAttribute("bulkSkipped", result.skipped().stream()
					.map(skip -> forms.message("bulk.skipped", skip.number(), skip.reason())).toList());
			}
			catch (InvalidInputException e) {
				redirect.addFlashAttribute("bulkError", forms.message(e));
			}
		}
		else {
			redirect.addFlashAttribute("bulkError", errors.values().iterator().next());
		}
		return "redirect:" + safe(back);
	}

	@PostMapping("/tickets/views")
	String save(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) String query, @RequestParam(required = false) String shared,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			String filters = QueueFilters.parse(query).toSave();
			SavedView view = savedViews.save(user, name, "true".equals(shared), filters);
			return "redirect:/tickets?saved=" + view.getId();
		}
		catch (InvalidInputException | ForbiddenException e) {
			redirect.addFlashAttribute("viewError", forms.message(e));
			return "redirect:" + safe(back);
		}
	}

	@PostMapping("/tickets/views/{id}/delete")
	String delete(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			savedViews.delete(id, user);
		}
		catch (ForbiddenException e) {
			redirect.addFlashAttribute("viewError", forms.message(e));
		}
		return "redirect:/tickets";
	}

	/** Back to the queue the form came from; never to another site. */
	static String safe(String back) {
		return back != null && back.startsWith("/tickets") && !back.startsWith("//") && back.length() < 3000
				&& !back.contains("\\") ? back : "/tickets";
	}

	private static List<String> split(String tags) {
		return tags == null ? null
				: Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
