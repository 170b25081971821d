package io.rapport.shared.web;

/**
 * A module's admin page, as a bean: a tile on the admin start page ({@code /admin}) and an entry in the sidebar's
 * admin section, both seen by administrators only. Label and description are bundle keys; {@code activeView} is
 * the value the page puts in its model to be highlighted. Tiles are shown by {@code order}.
 */
public record AdminLink(String labelKey, String descriptionKey, String href, String activeView, int order) {

	/** As a sidebar entry in the admin section. */
	public SidebarEntry asSidebarEntry() {
		return SidebarEntry.link("nav.admin", 900 + order, labelKey, href, activeView).forAdmins();
	}
}
