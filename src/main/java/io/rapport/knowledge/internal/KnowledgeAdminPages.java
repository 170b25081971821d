package io.rapport.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.knowledge.internal.Inputs.CategoryInput;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins arrange the knowledge base: categories (create, rename in each locale, order, nest, delete when empty)
 * and the locales articles are written in (add, switch off and on).
 */
@Controller
@WorkspacePage
class KnowledgeAdminPages {

	private final CategoryAdmin categories;

	private final Locales locales;

	private final PageForms forms;

	KnowledgeAdminPages(CategoryAdmin categories, Locales locales, PageForms forms) {
		this.categories = categories;
		this.locales = locales;
		this.forms = forms;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		SidebarContribution knowledgeSidebarEntry() {
			return () -> List.of(SidebarEntry.link("nav.views", 190, "knowledge.title", "/knowledge", "knowledge"));
		}

		@Bean
		AdminLink knowledgeAdminLink() {
			return new AdminLink("knowledge.admin", "knowledge.admin.subtitle", "/admin/knowledge/categories",
					"admin:knowledge", 60);
		}
	}

	@GetMapping("/admin/knowledge/categories")
	@Transactional(readOnly = true)
	String categories(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		List<Category> all = categories.all();
		List<Category> ordered = new java.util.ArrayList<>();
		all.stream().filter(c -> c.getParent() == null).forEach(top -> {
			ordered.add(top);
			all.stream().filter(c -> top.getId().equals(c.getParentId())).forEach(ordered::add);
		});
		model.addAttribute("tree", ordered);
		model.addAttribute("tops", all.stream().filter(c -> c.getParent() == null).toList());
		model.addAttribute("locales", locales.enabled());
		model.addAttribute("defaultLocale", locales.defaultLocale());
		model.addAttribute("allLocales", locales.all());
		model.addAttribute("activeView", "admin:knowledge");
		return "knowledge/categories";
	}

	@PostMapping("/admin/knowledge/categories")
	String create(@CurrentUser AuthenticatedUser user, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> categories.create(input(form, false)), "knowledge.categories.created");
	}

	@PostMapping("/admin/knowledge/categories/{id}")
	String change(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> categories.change(id, input(form, true)), "knowledge.categories.saved");
	}

	@PostMapping("/admin/knowledge/categories/{id}/move")
	String move(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestParam int delta,
			RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> categories.move(id, Integer.signum(delta)), "knowledge.categories.saved");
	}

	@PostMapping("/admin/knowledge/categories/{id}/delete")
	String delete(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> categories.delete(id), "knowledge.categories.deleted");
	}

	@PostMapping("/admin/knowledge/locales")
	String addLocale(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String code,
			@RequestParam(required = false) String name, RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> categories.addLocale(code, name), "knowledge.locales.added");
	}

	@PostMapping("/admin/knowledge/locales/{code}")
	String enableLocale(@CurrentUser AuthenticatedUser user, @PathVariable String code,
			@RequestParam boolean enabled, RedirectAttributes redirect) {
		user.requireAdmin();
		return apply(redirect, () -> categories.enableLocale(code, enabled), "knowledge.locales.saved");
	}

	private String apply(RedirectAttributes redirect, Runnable work, String notice) {
		try {
			work.run();
			redirect.addFlashAttribute("notice", forms.message(notice));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("error", forms.message(e));
		}
		return "redirect:/admin/knowledge/categories";
	}

	private CategoryInput input(Map<String, String> form, boolean change) {
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, String> descriptions = new LinkedHashMap<>();
		for (String locale : locales.enabled()) {
			if (form.containsKey("name." + locale)) {
				names.put(locale, form.get("name." + locale));
			}
			if (form.containsKey("description." + locale)) {
				descriptions.put(locale, form.get("description." + locale));
			}
		}
		Long parentId;
		try {
			String parent = form.get("parentId");
			parentId = parent == null || parent.isBlank() ? (change ? Long.valueOf(0) : null) : Long.valueOf(parent);
		}
		catch (NumberFormatException e) {
			throw io.rapport.shared.InvalidInputException.of("parentId", "errors.knowledge.category-not-found",
					form.get("parentId"));
		}
		return new CategoryInput(names, descriptions, parentId, null, form.get("slug"), null);
	}
}
