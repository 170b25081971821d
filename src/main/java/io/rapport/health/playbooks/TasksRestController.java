package io.rapport.health.playbooks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Success tasks for agents: list them, complete with an outcome, snooze, give to another success manager. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Playbooks and tasks")
class TasksRestController {

	private final TaskDesk desk;

	TasksRestController(TaskDesk desk) {
		this.desk = desk;
	}

	@Operation(summary = "Tasks by assignee (me, unassigned or an agent id), status (open, overdue, done) and account")
	@GetMapping
	List<TaskItem> list(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String status, @RequestParam(required = false) String accountId) {
		return desk.list(user, assignee, status, id("accountId", accountId));
	}

	@Operation(summary = "One task")
	@GetMapping("/{id}")
	TaskItem get(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		return desk.get(user, id);
	}

	@Operation(summary = "Complete a task: {\"outcome\": \"reached\", \"note\": \"…\"}; outcomes: reached, no-answer, "
			+ "resolved, escalated, not-needed")
	@PostMapping("/{id}/complete")
	TaskItem complete(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestBody JsonNode body) {
		return desk.complete(user, id, text(body, "outcome"), text(body, "note"));
	}

	@Operation(summary = "Put a task off to a later day: {\"until\": \"2026-03-20\"}")
	@PostMapping("/{id}/snooze")
	TaskItem snooze(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestBody JsonNode body) {
		String until = text(body, "until");
		try {
			return desk.snooze(user, id, until == null ? null : LocalDate.parse(until.strip()));
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of("until", "errors.playbooks.until");
		}
	}

	@Operation(summary = "Give a task to another success manager: {\"assigneeId\": 12}")
	@PatchMapping("/{id}")
	TaskItem reassign(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestBody JsonNode body) {
		JsonNode assignee = body == null || !body.isObject() ? null : body.get("assigneeId");
		if (assignee == null || !assignee.isIntegralNumber()) {
			user.requireAgent();
			throw InvalidInputException.of("assigneeId", "errors.playbooks.assignee-not-success",
					assignee == null ? "" : assignee.toString());
		}
		return desk.reassign(user, id, assignee.longValue());
	}

	static String text(JsonNode body, String field) {
		if (body == null || !body.isObject() || !body.has(field) || body.get(field).isNull()) {
			return null;
		}
		JsonNode value = body.get(field);
		if (!value.isString()) {
			throw InvalidInputException.of(field, "errors.playbooks.text");
		}
		return value.asString();
	}

	static Long id(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.strip().matches("\\d{1,18}")) {
			throw InvalidInputException.of(field, "errors.account.not-found", value);
		}
		return Long.parseLong(value.strip());
	}
}
