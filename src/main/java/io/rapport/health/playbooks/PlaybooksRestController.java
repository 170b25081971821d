package io.rapport.health.playbooks;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Playbooks and their runs for agents; admins pause and resume them. */
@RestController
@RequestMapping("/api/v1/playbooks")
@Tag(name = "Playbooks and tasks")
class PlaybooksRestController {

	private final PlaybookDesk desk;

	private final AccountsApi accounts;

	private final MessageSource messages;

	PlaybooksRestController(PlaybookDesk desk, AccountsApi accounts, MessageSource messages) {
		this.desk = desk;
		this.accounts = accounts;
		this.messages = messages;
	}

	record TriggerJson(String kind, String flag, String band, Integer points, String stage, Integer days) {
	}

	record ConditionsJson(String plan, Long mrrMin, Long mrrMax, String stage, Long ownerId) {
	}

	record StepJson(int position, String kind, String title, String body, Integer dueDays, String template) {
	}

	record PlaybookJson(long id, String builtinKey, String name, String description, boolean active,
			TriggerJson trigger, ConditionsJson conditions, List<StepJson> steps) {
	}

	record StepOutcomeJson(int position, String kind, String status, String outcome) {
	}

	record RunJson(long id, long playbookId, long accountId, String accountName, String occurrence,
			Instant triggeredAt, String status, Instant finishedAt, List<StepOutcomeJson> steps) {
	}

	@Operation(summary = "Every playbook with its trigger, conditions and steps")
	@GetMapping
	List<PlaybookJson> list(@CurrentUser AuthenticatedUser user) {
		return desk.all(user).stream().map(PlaybooksRestController::json).toList();
	}

	@Operation(summary = "A playbook's runs, newest first, with each step's outcome")
	@GetMapping("/{id}/runs")
	List<RunJson> runs(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(defaultValue = "100") int limit) {
		List<RunView> runs = desk.runs(user, id, limit);
		Map<Long, AccountView> named = accounts
			.accounts(runs.stream().map(RunView::accountId).collect(Collectors.toSet()));
		Locale locale = LocaleContextHolder.getLocale();
		return runs.stream().map(r -> new RunJson(r.id(), r.playbookId(), r.accountId(),
				named.containsKey(r.accountId()) ? named.get(r.accountId()).name() : null, r.occurrence(),
				r.triggeredAt(), lower(r.status()), r.finishedAt(),
				r.steps().stream().map(s -> new StepOutcomeJson(s.position(), lower(s.kind().name()),
						s.done() ? "done" : "failed", messages.getMessage(s.key(), new Object[] { s.argument() },
								locale)))
					.toList()))
			.toList();
	}

	@Operation(summary = "Pause a playbook (admins): it runs no more until resumed")
	@PostMapping("/{id}/pause")
	PlaybookJson pause(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		return json(desk.activate(user, id, false));
	}

	@Operation(summary = "Resume a paused playbook (admins)")
	@PostMapping("/{id}/resume")
	PlaybookJson resume(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		return json(desk.activate(user, id, true));
	}

	static PlaybookJson json(Playbook p) {
		Playbook.Conditions c = p.conditions();
		return new PlaybookJson(p.id(), p.builtinKey(), p.name(), p.description(), p.active(),
				new TriggerJson(lower(p.trigger().name()), p.triggerFlag(), p.triggerBand(), p.triggerPoints(),
						p.triggerStage() == null ? null : p.triggerStage().name(), p.triggerDays()),
				new ConditionsJson(c.plan(), c.mrrMin(), c.mrrMax(), c.stage() == null ? null : c.stage().name(),
						c.ownerId()),
				p.steps().stream().map(s -> new StepJson(s.position(), lower(s.kind().name()), s.title(), s.body(),
						s.dueDays(), s.template())).toList());
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
