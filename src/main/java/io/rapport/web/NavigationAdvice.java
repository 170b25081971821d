package io.rapport.web;

import java.util.List;

import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page of the agent workspace and the admin area (controllers marked {@link WorkspacePage}, in any
 * module) the {@code nav} the layout renders, built from the sidebar entries and admin links modules contribute.
 */
@ControllerAdvice(annotations = WorkspacePage.class)
class NavigationAdvice {

	private final List<SidebarContribution> contributions;

	private final List<AdminLink> adminLinks;

	NavigationAdvice(List<SidebarContribution> contributions, List<AdminLink> adminLinks) {
		this.contributions = contributions;
		this.adminLinks = adminLinks;
	}

	/** Costs one object per request: the user and the entries are read only when a template asks. */
	@ModelAttribute("nav")
	Navigation navigation() {
		return new Navigation(contributions, adminLinks);
	}
}
