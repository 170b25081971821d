package io.rapport.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page for groups: the tiers and teams tickets are routed and escalated to. Keys never change. */
@Controller
@WorkspacePage
class GroupAdminPages {

	private final IdentityApi identity;

	private final PageForms forms;

	GroupAdminPages(IdentityApi identity, PageForms forms) {
		this.identity = identity;
		this.forms = forms;
	}

	@GetMapping("/admin/groups")
	String list(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		return page(model, new LinkedHashMap<>());
	}

	@PostMapping("/admin/groups")
	String create(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String key,
			@RequestParam(required = false) String name, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		user.requireAdmin();
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			GroupView group = identity.createGroup(key, name);
			redirect.addFlashAttribute("notice", forms.message("admin.group.created", group.name()));
			return "redirect:/admin/groups";
		}
		catch (InvalidInputException e) {
			errors.put(PageForms.field(e.field(), "key", "key", "name"), forms.message(e));
		}
		catch (ConflictException e) {
			errors.put("key", forms.message(e));
		}
		model.addAttribute("newKey", key);
		model.addAttribute("newName", name);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return page(model, errors);
	}

	@PostMapping("/admin/groups/{id}")
	String rename(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String name, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		user.requireAdmin();
		try {
			GroupView group = identity.renameGroup(id, name);
			redirect.addFlashAttribute("notice", forms.message("admin.group.renamed", group.name()));
			return "redirect:/admin/groups";
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put("rename-" + id, forms.message(e));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, errors);
		}
	}

	/** Names the group's lead (an active member), or none: told about what concerns the whole group. */
	@PostMapping("/admin/groups/{id}/lead")
	String lead(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) Long lead, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		user.requireAdmin();
		try {
			identity.setGroupLead(id, lead);
			redirect.addFlashAttribute("notice", forms.message("admin.group.leadSaved",
					identity.group(id).map(GroupView::name).orElse("")));
			return "redirect:/admin/groups";
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put("lead-" + id, forms.message(e));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, errors);
		}
	}

	private String page(Model model, Map<String, String> errors) {
		java.util.List<GroupView> groups = identity.groups();
		Map<Long, Long> leads = new java.util.HashMap<>();
		Map<Long, java.util.List<io.rapport.identity.AgentView>> members = new java.util.HashMap<>();
		for (GroupView group : groups) {
			identity.groupLead(group.id()).ifPresent(lead -> leads.put(group.id(), lead));
			members.put(group.id(), identity.activeAgentsIn(group.id()));
		}
		model.addAttribute("leads", leads);
		model.addAttribute("members", members);
		model.addAttribute("groups", groups);
		model.addAttribute("errors", errors);
		model.addAttribute("activeView", "admin:groups");
		return "admin/groups";
	}
}
