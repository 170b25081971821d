package io.rapport.health.playbooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.rapport.shared.timeline.TimelineEntry;
import io.rapport.shared.timeline.TimelineSource;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Playbooks on the account timeline: each run when it started ({@code playbook.run}) and each task when it was
 * completed, with its outcome and note ({@code task.completed}).
 */
@Component
class TaskTimeline implements TimelineSource {

	private final PlaybookRuns runs;

	private final Tasks tasks;

	private final TaskDesk desk;

	private final MessageSource messages;

	TaskTimeline(PlaybookRuns runs, Tasks tasks, TaskDesk desk, MessageSource messages) {
		this.runs = runs;
		this.tasks = tasks;
		this.desk = desk;
		this.messages = messages;
	}

	@Override
	public List<TimelineEntry> entries(long accountId, Instant before, int limit, Locale locale) {
		List<TimelineEntry> entries = new ArrayList<>();
		for (RunView run : runs.ofAccount(accountId, before, limit)) {
			entries.add(new TimelineEntry(run.triggeredAt(), "playbook.run",
					word("playbooks.timeline.run", locale, run.playbookName()),
					word("playbooks.run.status." + run.status(), locale), "/admin/playbooks/" + run.playbookId()
							+ "/runs", null));
		}
		for (TaskItem task : desk.items(tasks.completedOf(accountId, before, limit))) {
			entries.add(new TimelineEntry(task.completedAt(), "task.completed",
					word("playbooks.timeline.task", locale, task.title(),
							word("playbooks.outcome-name." + task.outcome(), locale)),
					task.note(), "/tasks?account=" + accountId + "&view=done", task.completedByName()));
		}
		return entries.stream().sorted(Comparator.comparing(TimelineEntry::at).reversed()).limit(limit).toList();
	}

	private String word(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
