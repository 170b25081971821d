package io.rapport.health.playbooks;

import java.util.Arrays;
import java.util.List;

import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;

import org.springframework.stereotype.Component;

/**
 * The tasks section of the account page ({@code playbooks/account :: tasks(accountId)}), read by the template as
 * {@code @accountTasks}: the account's open tasks and the latest done ones with their outcomes.
 */
@Component("accountTasks")
public class AccountTasks {

	static final int DONE_SHOWN = 5;

	private final TaskDesk desk;

	AccountTasks(TaskDesk desk) {
		this.desk = desk;
	}

	public record Section(List<TaskItem> open, List<TaskItem> done, boolean mayWrite, List<AgentView> managers) {
	}

	/** The outcomes a task is completed with, as the forms send them. */
	public List<String> outcomes() {
		return Arrays.stream(TaskOutcome.values()).map(TaskDesk::outcomeName).toList();
	}

	public Section of(long accountId) {
		AuthenticatedUser user = AuthenticatedUser.current();
		if (user == null || !user.isAgent()) {
			return null;
		}
		List<TaskItem> done = desk.list(user, null, "done", accountId);
		return new Section(desk.list(user, null, "open", accountId), done.subList(0, Math.min(DONE_SHOWN,
				done.size())), desk.maySucceed(user), desk.managers());
	}
}
