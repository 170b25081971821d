package io.rapport.tickets.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.ForbiddenException;
import io.rapport.shared.InvalidInputException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved views, decided as Zendesk does: any agent saves personal views; only admins save views shared with every
 * agent, and only they remove a shared one. An agent sees their own views and the shared ones.
 */
@Component
class SavedViewService {

	static final int MAX_PER_AGENT = 50;

	private final SavedViews views;

	private final Clock clock;

	SavedViewService(SavedViews views, Clock clock) {
		this.views = views;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<SavedView> visibleTo(AuthenticatedUser user) {
		return user == null || !user.isAgent() ? List.of() : views.visibleTo(user.id());
	}

	@Transactional(readOnly = true)
	Optional<SavedView> readable(Long id, AuthenticatedUser user) {
		return id == null || !user.isAgent() ? Optional.empty()
				: views.findById(id).filter(view -> view.isShared() || view.getOwnerId() == user.id());
	}

	@Transactional
	SavedView save(AuthenticatedUser user, String name, boolean shared, String query) {
		user.requireAgent();
		if (name == null || name.isBlank()) {
			throw InvalidInputException.of("name", "errors.view.name");
		}
		if (name.strip().length() > 80) {
			throw InvalidInputException.of("name", "errors.view.name-long");
		}
		if (shared && !user.isAdmin()) {
			throw ForbiddenException.of("errors.view.share-admin-only");
		}
		if (views.countByOwnerId(user.id()) >= MAX_PER_AGENT) {
			throw InvalidInputException.of("name", "errors.view.too-many", MAX_PER_AGENT);
		}
		String filter = query == null ? "" : query.length() > 2000 ? query.substring(0, 2000) : query;
		return views.save(new SavedView(user.id(), shared, name.strip(), filter, clock.instant()));
	}

	@Transactional
	void delete(long id, AuthenticatedUser user) {
		user.requireAgent();
		views.findById(id).ifPresent(view -> {
			boolean mayDelete = view.isShared() ? user.isAdmin() : view.getOwnerId() == user.id();
			if (!mayDelete) {
				throw ForbiddenException.of("errors.view.remove-shared-admin-only");
			}
			views.delete(view);
		});
	}
}
