package io.rapport.health.playbooks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages of playbooks: the list with each playbook's trigger and state, pause and resume, the edit form
 * (trigger, conditions, steps) and the runs with each step's outcome.
 */
@Controller
@WorkspacePage
class PlaybookAdminPages {

	static final String ACTIVE_VIEW = "admin:playbooks";

	/** Blank step rows the form offers below the playbook's steps. */
	static final int BLANK_STEPS = 2;

	private final PlaybookDesk desk;

	private final TaskDesk tasks;

	private final AccountsApi accounts;

	private final PageForms forms;

	PlaybookAdminPages(PlaybookDesk desk, TaskDesk tasks, AccountsApi accounts, PageForms forms) {
		this.desk = desk;
		this.tasks = tasks;
		this.accounts = accounts;
		this.forms = forms;
	}

	@Bean
	static AdminLink playbooksAdminLink() {
		return new AdminLink("playbooks.admin.title", "playbooks.admin.subtitle", "/admin/playbooks", ACTIVE_VIEW, 95);
	}

	@GetMapping("/admin/playbooks")
	String list(@CurrentUser AuthenticatedUser user, Model page) {
		user.requireAdmin();
		List<Playbook> all = desk.all(user);
		page.addAttribute("playbooks", all);
		page.addAttribute("triggers", all.stream().collect(Collectors.toMap(Playbook::id, this::trigger)));
		page.addAttribute("activeView", ACTIVE_VIEW);
		return "playbooks/admin-list";
	}

	@PostMapping("/admin/playbooks/{id}/{action:pause|resume}")
	String activate(@CurrentUser AuthenticatedUser user, @PathVariable long id, @PathVariable String action,
			RedirectAttributes redirect) {
		Playbook p = desk.activate(user, id, "resume".equals(action));
		redirect.addFlashAttribute("notice", forms.message("playbooks.admin.notice." + action, p.name()));
		return "redirect:/admin/playbooks";
	}

	@GetMapping("/admin/playbooks/new")
	String create(@CurrentUser AuthenticatedUser user, Model page) {
		user.requireAdmin();
		return form(page, null, formOf((Playbook) null), null);
	}

	@GetMapping("/admin/playbooks/{id}")
	String edit(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model page) {
		user.requireAdmin();
		Playbook p = desk.get(user, id);
		return form(page, p, formOf(p), null);
	}

	@PostMapping({ "/admin/playbooks", "/admin/playbooks/{id}" })
	String save(@CurrentUser AuthenticatedUser user, @PathVariable(required = false) Long id,
			@RequestParam MultiValueMap<String, String> params, Model page, RedirectAttributes redirect) {
		user.requireAdmin();
		Playbook existing = id == null ? null : desk.get(user, id);
		PlaybookDesk.PlaybookForm form = formOf(params);
		try {
			Integer version = params.getFirst("version") == null ? null
					: Integer.valueOf(params.getFirst("version"));
			Playbook saved = desk.save(user, id, version, form);
			redirect.addFlashAttribute("notice", forms.message("playbooks.admin.saved", saved.name()));
			return "redirect:/admin/playbooks";
		}
		catch (InvalidInputException e) {
			return form(page, existing, form, forms.message("playbooks.field." + fieldKey(e.field())) + ": "
					+ forms.message(e));
		}
		catch (TranslatableException e) {
			return form(page, existing, form, forms.message(e));
		}
	}

	@GetMapping("/admin/playbooks/{id}/runs")
	String runs(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model page) {
		user.requireAdmin();
		Playbook p = desk.get(user, id);
		List<RunView> runs = desk.runs(user, id, 200);
		Map<Long, AccountView> named = accounts
			.accounts(runs.stream().map(RunView::accountId).collect(Collectors.toSet()));
		page.addAttribute("playbook", p);
		page.addAttribute("runs", runs);
		page.addAttribute("accounts", named);
		page.addAttribute("activeView", ACTIVE_VIEW);
		return "playbooks/admin-runs";
	}

	/** The trigger in words: "A flag raised: little-engagement", "Renewal in 60 days". */
	String trigger(Playbook p) {
		return forms.message("playbooks.trigger." + p.trigger().name() + ".short",
				p.triggerFlag() == null ? forms.message("playbooks.trigger.anyFlag") : p.triggerFlag(),
				p.triggerBand() == null ? "" : forms.message("playbooks.band." + p.triggerBand()), p.triggerPoints(),
				p.triggerStage() == null ? "" : forms.message("success.stage." + p.triggerStage().name()),
				p.triggerDays());
	}

	private String form(Model page, Playbook existing, PlaybookDesk.PlaybookForm form, String error) {
		List<Map<String, String>> rows = new ArrayList<>(form.steps());
		for (int i = 0; i < BLANK_STEPS; i++) {
			rows.add(Map.of());
		}
		page.addAttribute("playbook", existing);
		page.addAttribute("form", form);
		page.addAttribute("rows", rows);
		page.addAttribute("error", error);
		page.addAttribute("triggers", Trigger.values());
		page.addAttribute("stepKinds", StepKind.values());
		page.addAttribute("stages", LifecycleStage.values());
		page.addAttribute("bands", List.of("RED", "YELLOW", "GREEN"));
		page.addAttribute("templates", PlaybookDesk.TEMPLATES);
		page.addAttribute("managers", tasks.managers());
		page.addAttribute("activeView", ACTIVE_VIEW);
		return "playbooks/admin-edit";
	}

	/** "steps[2].title" is reported as the step field's label. */
	private static String fieldKey(String field) {
		return field.startsWith("steps[") ? "step." + field.substring(field.indexOf('.') + 1) : field;
	}

	static PlaybookDesk.PlaybookForm formOf(Playbook p) {
		if (p == null) {
			return new PlaybookDesk.PlaybookForm("", "", true, Trigger.FLAG_RAISED.name(), "", "", "", "", "", "", "",
					"", "", "", List.of());
		}
		Playbook.Conditions c = p.conditions();
		List<Map<String, String>> steps = p.steps().stream().map(s -> {
			Map<String, String> row = new HashMap<>();
			row.put("kind", s.kind().name());
			row.put("title", s.title());
			row.put("body", s.body() == null ? "" : s.body());
			row.put("dueDays", s.dueDays() == null ? "" : String.valueOf(s.dueDays()));
			row.put("template", s.template() == null ? "" : s.template());
			return (Map<String, String>) row;
		}).toList();
		return new PlaybookDesk.PlaybookForm(p.name(), p.description(), p.active(), p.trigger().name(),
				str(p.triggerFlag()), str(p.triggerBand()), str(p.triggerPoints()), str(p.triggerStage()),
				str(p.triggerDays()), str(c.plan()), str(c.mrrMin()), str(c.mrrMax()), str(c.stage()),
				str(c.ownerId()), steps);
	}

	static PlaybookDesk.PlaybookForm formOf(MultiValueMap<String, String> params) {
		List<String> kinds = params.getOrDefault("stepKind", List.of());
		List<Map<String, String>> steps = new ArrayList<>();
		for (int i = 0; i < kinds.size(); i++) {
			Map<String, String> row = new HashMap<>();
			row.put("kind", kinds.get(i));
			row.put("title", at(params, "stepTitle", i));
			row.put("body", at(params, "stepBody", i));
			row.put("dueDays", at(params, "stepDue", i));
			row.put("template", at(params, "stepTemplate", i));
			if (!row.get("title").isBlank()) {
				steps.add(row);
			}
		}
		return new PlaybookDesk.PlaybookForm(params.getFirst("name"), params.getFirst("description"),
				params.containsKey("active"), params.getFirst("trigger"), params.getFirst("flag"),
				params.getFirst("band"), params.getFirst("points"), params.getFirst("stage"), params.getFirst("days"),
				params.getFirst("plan"), params.getFirst("mrrMin"), params.getFirst("mrrMax"),
				params.getFirst("condStage"), params.getFirst("ownerId"), steps);
	}

	private static String at(MultiValueMap<String, String> params, String name, int i) {
		List<String> values = params.getOrDefault(name, List.of());
		return i < values.size() && values.get(i) != null ? values.get(i) : "";
	}

	private static String str(Object value) {
		return value == null ? "" : String.valueOf(value);
	}
}
