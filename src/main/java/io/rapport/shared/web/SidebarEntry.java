package io.rapport.shared.web;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One link in the workspace sidebar, contributed by the module that owns the page it leads to (through a
 * {@link SidebarContribution}).
 * <p>
 * Entries are grouped by {@code section}, the bundle key of the section's heading; sections follow each other by
 * the lowest {@code order} of their entries (the ticket views use 100-199, the queues 200-299, the admin links
 * 900 and up). {@link #ACTIONS} holds the buttons above the sections, {@link #USER_MENU} the links beside the
 * signed-in person's name in the top bar. The label is a bundle key, or for entries named by data (a group's
 * name) the text itself. {@code role} says who sees it: {@link #AGENT} (every agent) or {@link #ADMIN}.
 * {@code activeView} is matched against the page's {@code activeView} model value to highlight the entry. The
 * optional count is read only when the sidebar is rendered; {@code styleClass} is an extra CSS class for the link.
 */
public record SidebarEntry(String section, int order, String labelKey, String label, String href, String activeView,
		String role, LongSupplier count, String styleClass) {

	public static final String ACTIONS = "actions";

	public static final String USER_MENU = "user-menu";

	public static final String AGENT = "AGENT";

	public static final String ADMIN = "ADMIN";

	public SidebarEntry {
		Objects.requireNonNull(section, "section");
		Objects.requireNonNull(href, "href");
		if (labelKey == null && label == null) {
			throw new IllegalArgumentException("A sidebar entry needs a label or a label key");
		}
		role = role == null ? AGENT : role;
	}

	/** A link labelled from the bundles, seen by every agent. */
	public static SidebarEntry link(String section, int order, String labelKey, String href, String activeView) {
		return new SidebarEntry(section, order, labelKey, null, href, activeView, AGENT, null, null);
	}

	/** A link whose label is data (a group's name), not a bundle key. */
	public static SidebarEntry named(String section, int order, String label, String href, String activeView) {
		return new SidebarEntry(section, order, null, label, href, activeView, AGENT, null, null);
	}

	public SidebarEntry withCount(LongSupplier supplier) {
		return new SidebarEntry(section, order, labelKey, label, href, activeView, role, supplier, styleClass);
	}

	public SidebarEntry forAdmins() {
		return new SidebarEntry(section, order, labelKey, label, href, activeView, ADMIN, count, styleClass);
	}

	public SidebarEntry styled(String cssClass) {
		return new SidebarEntry(section, order, labelKey, label, href, activeView, role, count, cssClass);
	}

	public boolean counted() {
		return count != null;
	}

	/** Asks the owning module for the number; called by the template, so only for pages that show it. */
	public long countNow() {
		return count == null ? 0 : count.getAsLong();
	}

	public boolean visibleTo(boolean agent, boolean admin) {
		return ADMIN.equals(role) ? admin : agent;
	}
}
