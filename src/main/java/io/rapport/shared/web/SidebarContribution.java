package io.rapport.shared.web;

import java.util.List;

/**
 * A module's entries in the workspace sidebar, as a bean. Asked at most once per rendered page, and only when the
 * page shows the sidebar; entries that share an expensive read (several counts from one query) can share it
 * within one call.
 */
@FunctionalInterface
public interface SidebarContribution {

	List<SidebarEntry> entries();
}
