package io.rapport.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;

/**
 * What the layout's sidebar and top bar show for the signed-in agent: the entries every module contributed, that
 * this person may see. The user and the entries are read only when a template asks for them, so redirects, htmx
 * fragments and API calls cost nothing; each contribution is asked once per page.
 */
public final class Navigation {

	private final List<SidebarContribution> contributions;

	private final List<AdminLink> adminLinks;

	private List<SidebarEntry> entries;

	private AuthenticatedUser user;

	private boolean userRead;

	Navigation(List<SidebarContribution> contributions, List<AdminLink> adminLinks) {
		this.contributions = contributions;
		this.adminLinks = adminLinks;
	}

	/** The signed-in user, or null on pages anyone may see (sign-in, errors). */
	public AuthenticatedUser user() {
		if (!userRead) {
			user = AuthenticatedUser.current();
			userRead = true;
		}
		return user;
	}

	public boolean admin() {
		return user() != null && user().isAdmin();
	}

	/** The sidebar's sections in order, each with its entries in order; the buttons and user menu are apart. */
	public Map<String, List<SidebarEntry>> sections() {
		Map<String, List<SidebarEntry>> sections = new LinkedHashMap<>();
		for (SidebarEntry entry : entries()) {
			if (!SidebarEntry.ACTIONS.equals(entry.section()) && !SidebarEntry.USER_MENU.equals(entry.section())) {
				sections.computeIfAbsent(entry.section(), key -> new ArrayList<>()).add(entry);
			}
		}
		return sections;
	}

	public List<SidebarEntry> actions() {
		return entries().stream().filter(entry -> SidebarEntry.ACTIONS.equals(entry.section())).toList();
	}

	public List<SidebarEntry> userMenu() {
		return entries().stream().filter(entry -> SidebarEntry.USER_MENU.equals(entry.section())).toList();
	}

	/** The admin start page's tiles, for administrators. */
	public List<AdminLink> adminLinks() {
		return admin() ? adminLinks.stream().sorted(Comparator.comparingInt(AdminLink::order)).toList() : List.of();
	}

	private List<SidebarEntry> entries() {
		if (entries == null) {
			boolean agent = user() != null && user().isAgent();
			boolean admin = admin();
			List<SidebarEntry> all = new ArrayList<>();
			if (agent) {
				contributions.forEach(contribution -> all.addAll(contribution.entries()));
				adminLinks.forEach(link -> all.add(link.asSidebarEntry()));
			}
			entries = all.stream()
				.filter(entry -> entry.visibleTo(agent, admin))
				.sorted(Comparator.comparingInt(SidebarEntry::order))
				.toList();
		}
		return entries;
	}
}
