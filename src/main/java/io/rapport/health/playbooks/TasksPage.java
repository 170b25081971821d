package io.rapport.health.playbooks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Tasks": a success manager's home for what playbooks ask of them: their open tasks soonest due first, the overdue
 * ones, those nobody has yet, the done ones, everyone's, or one account's; each completed with an outcome and a
 * note, put off to a day, or given to a colleague, right in the list.
 */
@Controller
@WorkspacePage
class TasksPage {

	static final String ACTIVE_VIEW = "success:tasks";

	static final List<String> VIEWS = List.of("mine", "overdue", "unassigned", "team", "done");

	private final TaskDesk desk;

	private final AccountsApi accounts;

	private final PageForms forms;

	TasksPage(TaskDesk desk, AccountsApi accounts, PageForms forms) {
		this.desk = desk;
		this.accounts = accounts;
		this.forms = forms;
	}

	@Bean
	static SidebarContribution tasksSidebar(TaskDesk desk) {
		return () -> List.of(SidebarEntry.link("success.nav.section", 321, "playbooks.nav.tasks", "/tasks", ACTIVE_VIEW)
			.withCount(() -> {
				AuthenticatedUser user = AuthenticatedUser.current();
				return user == null || !user.isAgent() ? 0 : desk.overdueFor(user.id());
			}));
	}

	@GetMapping("/tasks")
	String tasks(@CurrentUser AuthenticatedUser user, @RequestParam(defaultValue = "mine") String view,
			@RequestParam(required = false) Long account, Model page) {
		user.requireAgent();
		String shown = VIEWS.contains(view) ? view : "mine";
		List<TaskItem> items;
		if (account != null) {
			page.addAttribute("account", accounts.account(account).orElse(null));
			items = desk.list(user, null, "done".equals(shown) ? "done" : "open", account);
		}
		else {
			items = switch (shown) {
				case "overdue" -> desk.list(user, "me", "overdue", null);
				case "unassigned" -> desk.list(user, "unassigned", "open", null);
				case "team" -> desk.list(user, null, "open", null);
				case "done" -> desk.list(user, "me", "done", null);
				default -> desk.list(user, "me", "open", null);
			};
		}
		page.addAttribute("tasks", items);
		page.addAttribute("view", shown);
		page.addAttribute("views", VIEWS);
		page.addAttribute("accountId", account);
		page.addAttribute("back", "/tasks?view=" + shown + (account == null ? "" : "&account=" + account));
		page.addAttribute("overdue", desk.overdueFor(user.id()));
		page.addAttribute("mayWrite", desk.maySucceed(user));
		page.addAttribute("managers", desk.managers());
		page.addAttribute("outcomes", TaskOutcome.values());
		page.addAttribute("tomorrow", desk.today().plusDays(1));
		page.addAttribute("activeView", ACTIVE_VIEW);
		return "playbooks/tasks";
	}

	@PostMapping("/tasks/{id}/complete")
	String complete(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		return act(back, redirect, () -> {
			TaskItem task = desk.complete(user, id, outcome, note);
			return forms.message("playbooks.task.completed", task.title());
		});
	}

	@PostMapping("/tasks/{id}/snooze")
	String snooze(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String until, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		return act(back, redirect, () -> {
			LocalDate day;
			try {
				day = until == null || until.isBlank() ? null : LocalDate.parse(until.strip());
			}
			catch (DateTimeParseException e) {
				throw InvalidInputException.of("until", "errors.playbooks.until");
			}
			TaskItem task = desk.snooze(user, id, day);
			return forms.message("playbooks.task.snoozed", task.title(), task.dueOn());
		});
	}

	@PostMapping("/tasks/{id}/reassign")
	String reassign(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) Long assigneeId, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		return act(back, redirect, () -> {
			TaskItem task = desk.reassign(user, id, assigneeId);
			return forms.message("playbooks.task.reassigned", task.title(), task.assigneeName());
		});
	}

	private String act(String back, RedirectAttributes redirect, Supplier<String> change) {
		try {
			redirect.addFlashAttribute("taskNotice", change.get());
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("taskError", forms.message(e));
		}
		return "redirect:" + safe(back);
	}

	/** Where to go back to after a form: a tasks list or an account page of this site, never elsewhere. */
	static String safe(String back) {
		if (back != null && back.matches("/(tasks|accounts/\\d+)(\\?[\\w=&%.-]*)?(#[\\w-]+)?")) {
			return back;
		}
		return "/tasks";
	}
}
