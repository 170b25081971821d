package io.rapport.identity.internal;

import java.util.List;

import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Identity's pages in the workspace's navigation: the agents and groups admin pages, and each agent's profile. */
@Configuration(proxyBeanMethods = false)
class IdentityPages {

	@Bean
	AdminLink agentsAdminLink() {
		return new AdminLink("admin.agents", "admin.agents.subtitle", "/admin/agents", "admin:agents", 10);
	}

	@Bean
	AdminLink groupsAdminLink() {
		return new AdminLink("admin.groups", "admin.groups.subtitle", "/admin/groups", "admin:groups", 20);
	}

	@Bean
	SidebarContribution profileMenu() {
		return () -> List.of(SidebarEntry.link(SidebarEntry.USER_MENU, 0, "nav.profile", "/profile", "profile"));
	}
}
