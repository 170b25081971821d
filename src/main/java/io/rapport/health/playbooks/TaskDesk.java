package io.rapport.health.playbooks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.DailyUsage;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.ConflictException;
import io.rapport.shared.ForbiddenException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do with success tasks, for the API and the pages alike: every agent reads them (support sees what
 * success is doing with an account); admins and the success group complete, snooze and reassign them, and a task
 * goes only to an active member of the success group.
 */
@Service
class TaskDesk {

	static final int LIST_LIMIT = 200;

	private final Tasks tasks;

	private final AccountsApi accounts;

	private final IdentityApi identity;

	private final ActivityApi activity;

	private final Clock clock;

	TaskDesk(Tasks tasks, AccountsApi accounts, IdentityApi identity, ActivityApi activity, Clock clock) {
		this.tasks = tasks;
		this.accounts = accounts;
		this.identity = identity;
		this.activity = activity;
		this.clock = clock;
	}

	/**
	 * Tasks by assignee ({@code me}, {@code unassigned}, an agent id, or blank for anybody), state ({@code open},
	 * {@code overdue}, {@code done}) and account.
	 */
	@Transactional(readOnly = true)
	List<TaskItem> list(AuthenticatedUser user, String assignee, String status, Long accountId) {
		user.requireAgent();
		String state = status == null || status.isBlank() ? "open" : status.strip().toLowerCase(Locale.ROOT);
		if (!List.of("open", "overdue", "done").contains(state)) {
			throw InvalidInputException.of("status", "errors.playbooks.status", status);
		}
		Long assigneeId = null;
		boolean unassigned = false;
		if (assignee != null && !assignee.isBlank()) {
			String a = assignee.strip();
			if ("me".equalsIgnoreCase(a)) {
				assigneeId = user.id();
			}
			else if ("unassigned".equalsIgnoreCase(a)) {
				unassigned = true;
			}
			else if (a.matches("\\d{1,18}")) {
				assigneeId = Long.parseLong(a);
			}
			else {
				throw InvalidInputException.of("assignee", "errors.playbooks.assignee", assignee);
			}
		}
		if (accountId != null && accounts.account(accountId).isEmpty()) {
			throw InvalidInputException.of("accountId", "errors.account.not-found", accountId);
		}
		return items(tasks.list(assigneeId, unassigned, state, accountId, today(), LIST_LIMIT));
	}

	@Transactional(readOnly = true)
	TaskItem get(AuthenticatedUser user, long id) {
		user.requireAgent();
		return items(List.of(find(id))).get(0);
	}

	@Transactional
	TaskItem complete(AuthenticatedUser user, long id, String outcome, String note) {
		requireSuccess(user);
		find(id);
		TaskOutcome parsed = outcome(outcome);
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 2000) {
			throw InvalidInputException.of("note", "errors.playbooks.note-long", 2000);
		}
		if (!tasks.complete(id, parsed, text, user.id())) {
			throw ConflictException.of("errors.playbooks.task-done", id);
		}
		return get(user, id);
	}

	@Transactional
	TaskItem snooze(AuthenticatedUser user, long id, LocalDate until) {
		requireSuccess(user);
		find(id);
		if (until == null) {
			throw InvalidInputException.of("until", "errors.playbooks.until");
		}
		if (!until.isAfter(today())) {
			throw InvalidInputException.of("until", "errors.playbooks.until-past", until);
		}
		if (!tasks.snooze(id, until)) {
			throw ConflictException.of("errors.playbooks.task-done", id);
		}
		return get(user, id);
	}

	@Transactional
	TaskItem reassign(AuthenticatedUser user, long id, Long assigneeId) {
		requireSuccess(user);
		find(id);
		if (assigneeId == null || !isSuccessManager(assigneeId)) {
			throw InvalidInputException.of("assigneeId", "errors.playbooks.assignee-not-success", assigneeId);
		}
		if (!tasks.reassign(id, assigneeId)) {
			throw ConflictException.of("errors.playbooks.task-done", id);
		}
		return get(user, id);
	}

	long overdueFor(long agentId) {
		return tasks.countOverdue(agentId, today());
	}

	/** The active members of the success group: who a task may go to. */
	List<AgentView> managers() {
		return identity.groupByKey(GroupView.SUCCESS).map(g -> identity.activeAgentsIn(g.id())).orElse(List.of())
			.stream().sorted(Comparator.comparing(AgentView::name)).toList();
	}

	boolean maySucceed(AuthenticatedUser user) {
		return user != null && user.isAgent() && (user.isAdmin() || isSuccessManager(user.id()));
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	static TaskOutcome outcome(String value) {
		if (value == null || value.isBlank()) {
			throw InvalidInputException.of("outcome", "errors.playbooks.outcome", String.valueOf(value),
					outcomeNames());
		}
		try {
			return TaskOutcome.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("outcome", "errors.playbooks.outcome", value, outcomeNames());
		}
	}

	static String outcomeName(TaskOutcome outcome) {
		return outcome == null ? null : outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String outcomeNames() {
		return java.util.Arrays.stream(TaskOutcome.values()).map(TaskDesk::outcomeName)
			.collect(Collectors.joining(", "));
	}

	private TaskView find(long id) {
		return tasks.find(id).orElseThrow(() -> NotFoundException.of("errors.playbooks.task-not-found", id));
	}

	private void requireSuccess(AuthenticatedUser user) {
		user.requireAgent();
		if (!maySucceed(user)) {
			throw ForbiddenException.of("errors.success.writers-only");
		}
	}

	private boolean isSuccessManager(long agentId) {
		return identity.groupByKey(GroupView.SUCCESS).map(g -> identity.isActiveMember(agentId, g.id()))
			.orElse(false);
	}

	List<TaskItem> items(List<TaskView> views) {
		if (views.isEmpty()) {
			return List.of();
		}
		Set<Long> accountIds = views.stream().map(TaskView::accountId).collect(Collectors.toSet());
		Map<Long, AccountView> named = accounts.accounts(accountIds);
		Set<Long> people = new HashSet<>();
		views.forEach(v -> {
			if (v.assigneeId() != null) {
				people.add(v.assigneeId());
			}
			if (v.completedBy() != null) {
				people.add(v.completedBy());
			}
		});
		Map<Long, String> names = people.stream().map(identity::agent).flatMap(Optional::stream)
			.collect(Collectors.toMap(AgentView::id, AgentView::name));
		LocalDate today = today();
		Set<String> valueEvents = views.stream().anyMatch(TaskView::valueCheck) ? activity.valueEvents() : Set.of();
		return views.stream().map(v -> {
			Optional<DailyUsage> value = v.valueCheck() ? firstValue(v.accountId(), named.get(v.accountId()),
					valueEvents, today) : Optional.empty();
			AccountView account = named.get(v.accountId());
			return new TaskItem(v.id(), v.accountId(), account == null ? null : account.name(), v.assigneeId(),
					v.assigneeId() == null ? null : names.get(v.assigneeId()), v.title(), v.description(), v.dueOn(),
					v.open() ? "open" : "done", v.overdue(today), v.snoozedUntil(), outcomeName(v.outcome()),
					v.note(), v.completedAt(), v.completedBy(),
					v.completedBy() == null ? null : names.get(v.completedBy()), v.runId(), v.valueCheck(),
					value.map(DailyUsage::event).orElse(null), value.map(DailyUsage::day).orElse(null));
		}).toList();
	}

	/** The account's first value event since it was created (at most a year back), from the daily rollups. */
	private Optional<DailyUsage> firstValue(long accountId, AccountView account, Set<String> valueEvents,
			LocalDate today) {
		if (valueEvents.isEmpty()) {
			return Optional.empty();
		}
		LocalDate from = account == null ? today.minusDays(365)
				: LocalDate.ofInstant(account.createdAt(), ZoneOffset.UTC);
		if (from.isBefore(today.minusDays(365))) {
			from = today.minusDays(365);
		}
		return activity.usage(accountId, from, today, null).stream()
			.filter(u -> u.count() > 0 && valueEvents.contains(u.event()))
			.min(Comparator.comparing(DailyUsage::day));
	}
}
