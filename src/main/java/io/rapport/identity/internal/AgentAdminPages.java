package io.rapport.identity.internal;

import java.util.List;

import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.NewAgent;
import io.rapport.identity.Role;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for agents: who may sign in to the workspace, with which role and in which groups. */
@Controller
@WorkspacePage
class AgentAdminPages {

	private final IdentityApi identity;

	private final PageForms forms;

	AgentAdminPages(IdentityApi identity, PageForms forms) {
		this.identity = identity;
		this.forms = forms;
	}

	@GetMapping("/admin/agents")
	String list(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		model.addAttribute("agents", identity.agents());
		model.addAttribute("groupNames", groupNames());
		model.addAttribute("activeView", "admin:agents");
		return "admin/agents";
	}

	@GetMapping("/admin/agents/new")
	String newAgent(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		model.addAttribute("form", new AgentForm(null, null, Role.AGENT, true, List.of("tier1"), null));
		return form(model, null);
	}

	@PostMapping("/admin/agents/new")
	String create(@CurrentUser AuthenticatedUser user, @Valid @ModelAttribute("form") AgentForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		user.requireAdmin();
		if (form.password() == null || form.password().length() < 10) {
			binding.rejectValue("password", "short", forms.message("admin.agent.passwordShort"));
		}
		if (!binding.hasErrors()) {
			try {
				AgentView agent = identity.createAgent(new NewAgent(form.email(), form.name(), form.password(),
						form.role(), form.groups()));
				redirect.addFlashAttribute("notice", forms.message("admin.agent.created", agent.name()));
				return "redirect:/admin/agents";
			}
			catch (ConflictException e) {
				PageForms.reject(binding, "email", e);
			}
			catch (InvalidInputException e) {
				PageForms.reject(binding, PageForms.field(e.field(), "name", "email", "name", "password", "groups"), e);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, null);
	}

	@GetMapping("/admin/agents/{id}")
	String edit(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model model) {
		user.requireAdmin();
		AgentView agent = agent(id);
		model.addAttribute("form", new AgentForm(agent.email(), agent.name(), agent.role(), agent.active(),
				agent.groups(), null));
		return form(model, agent);
	}

	@PostMapping("/admin/agents/{id}")
	String update(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") AgentForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		user.requireAdmin();
		AgentView agent = agent(id);
		if (id == user.id() && (!form.activeChecked() || form.role() != Role.ADMIN)) {
			binding.rejectValue("role", "self", forms.message("admin.agent.notYourself"));
		}
		if (!binding.hasFieldErrors("name") && !binding.hasFieldErrors("role") && !binding.hasFieldErrors("groups")) {
			try {
				identity.updateAgent(id, form.name(), form.role(), form.activeChecked(), form.groups());
				redirect.addFlashAttribute("notice", forms.message("admin.agent.saved", form.name()));
				return "redirect:/admin/agents";
			}
			catch (InvalidInputException e) {
				PageForms.reject(binding, PageForms.field(e.field(), "name", "name", "groups"), e);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, agent);
	}

	@PostMapping("/admin/agents/{id}/password")
	String password(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String password, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		user.requireAdmin();
		AgentView agent = agent(id);
		try {
			identity.setAgentPassword(id, password);
			redirect.addFlashAttribute("notice", forms.message("admin.agent.passwordSet", agent.name()));
			return "redirect:/admin/agents/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("passwordError", forms.message("admin.agent.passwordShort"));
		}
		model.addAttribute("form", new AgentForm(agent.email(), agent.name(), agent.role(), agent.active(),
				agent.groups(), null));
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, agent);
	}

	private AgentView agent(long id) {
		return identity.agent(id).orElseThrow(() -> NotFoundException.of("errors.agent.not-found", id));
	}

	private String form(Model model, AgentView agent) {
		model.addAttribute("agent", agent);
		model.addAttribute("roles", Role.values());
		model.addAttribute("allGroups", identity.groups());
		model.addAttribute("activeView", "admin:agents");
		return "admin/agent-form";
	}

	private java.util.Map<String, String> groupNames() {
		return identity.groups().stream().collect(java.util.stream.Collectors
			.toMap(io.rapport.identity.GroupView::key, io.rapport.identity.GroupView::name));
	}

	/** Email and password are only read when an agent is created; an agent's email does not change. */
	record AgentForm(@Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name, @NotNull Role role,
			Boolean active, List<@Size(max = 40) String> groups, @Size(max = 200) String password) {

		/** An unchecked box is not sent at all. */
		boolean activeChecked() {
			return Boolean.TRUE.equals(active);
		}
	}
}
