package io.rapport.health.playbooks;

import java.time.Instant;
import java.util.List;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.health.PlaybooksApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** {@link PlaybooksApi} for the modules around health: the demo runs built-in playbooks in the past with it. */
@Service
class PlaybookFacade implements PlaybooksApi {

	private final Playbooks playbooks;

	private final PlaybookEngine engine;

	private final AccountsApi accounts;

	private final Tasks tasks;

	private final TaskDesk desk;

	private final JdbcTemplate jdbc;

	PlaybookFacade(Playbooks playbooks, PlaybookEngine engine, AccountsApi accounts, Tasks tasks, TaskDesk desk,
			JdbcTemplate jdbc) {
		this.playbooks = playbooks;
		this.engine = engine;
		this.accounts = accounts;
		this.tasks = tasks;
		this.desk = desk;
		this.jdbc = jdbc;
	}

	@Override
	public List<Long> runBuiltin(String builtinKey, long accountId, String occurrence, Instant at) {
		Playbook playbook = playbooks.builtin(builtinKey)
			.orElseThrow(() -> InvalidInputException.of("builtinKey", "errors.playbooks.choice", builtinKey));
		AccountView account = accounts.account(accountId)
			.orElseThrow(() -> NotFoundException.of("errors.account.not-found", accountId));
		return engine.run(playbook, Occurrence.of(playbook.trigger(), accountId, occurrence, at), account)
			.map(run -> jdbc.queryForList("select id from success_tasks where run_id = ? order by id", Long.class,
					run))
			.orElse(List.of());
	}

	@Override
	public void completeTask(long taskId, String outcome, String note, long agentId) {
		if (!tasks.complete(taskId, TaskDesk.outcome(outcome), note, agentId)) {
			throw NotFoundException.of("errors.playbooks.task-not-found", taskId);
		}
	}

	@Override
	public long overdueTasks(long agentId) {
		return desk.overdueFor(agentId);
	}
}
