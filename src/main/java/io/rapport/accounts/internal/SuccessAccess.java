package io.rapport.accounts.internal;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.ForbiddenException;

import org.springframework.stereotype.Component;

/**
 * Who may change subscriptions, stages and owners: admins and the active members of the {@code success} group.
 * Every agent reads them; customers get a 404 (see {@link AuthenticatedUser#requireAgent()}).
 */
@Component
public class SuccessAccess {

	private final IdentityApi identity;

	SuccessAccess(IdentityApi identity) {
		this.identity = identity;
	}

	public boolean mayWrite(AuthenticatedUser user) {
		if (user == null || !user.isAgent()) {
			return false;
		}
		return user.isAdmin() || isSuccessManager(user.id());
	}

	public boolean isSuccessManager(long agentId) {
		return identity.groupByKey(GroupView.SUCCESS)
			.map(group -> identity.isActiveMember(agentId, group.id())).orElse(false);
	}

	public void requireWriter(AuthenticatedUser user) {
		user.requireAgent();
		if (!mayWrite(user)) {
			throw ForbiddenException.of("errors.success.writers-only");
		}
	}
}
