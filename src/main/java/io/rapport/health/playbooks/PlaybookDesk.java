package io.rapport.health.playbooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rapport.accounts.LifecycleStage;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Playbooks for the admin pages and the API: every agent reads them and their runs, admins edit, pause and resume.
 * The form arrives as text fields; each is checked here and a wrong one is named in the problem.
 */
@Service
class PlaybookDesk {

	static final Set<String> BANDS = Set.of("RED", "YELLOW", "GREEN");

	/** The mail templates a playbook may send: those channels know for success mail. */
	static final List<String> TEMPLATES = List.of("success.welcome", "success.checkin", "success.renewal");

	static final int MAX_STEPS = 12;

	private final Playbooks playbooks;

	private final PlaybookRuns runs;

	PlaybookDesk(Playbooks playbooks, PlaybookRuns runs) {
		this.playbooks = playbooks;
		this.runs = runs;
	}

	List<Playbook> all(AuthenticatedUser user) {
		user.requireAgent();
		return playbooks.all();
	}

	Playbook get(AuthenticatedUser user, long id) {
		user.requireAgent();
		return playbooks.require(id);
	}

	List<RunView> runs(AuthenticatedUser user, long id, int limit) {
		user.requireAgent();
		playbooks.require(id);
		return runs.ofPlaybook(id, Math.max(1, Math.min(limit, 500)));
	}

	Playbook activate(AuthenticatedUser user, long id, boolean active) {
		user.requireAdmin();
		return playbooks.activate(id, active);
	}

	@Transactional
	Playbook save(AuthenticatedUser user, Long id, Integer version, PlaybookForm form) {
		user.requireAdmin();
		Playbook parsed = parse(form);
		return id == null ? playbooks.create(parsed) : playbooks.update(id, version == null ? -1 : version, parsed);
	}

	/** The fields of the edit form (or of a client), as text; steps as parallel lists. */
	public record PlaybookForm(String name, String description, boolean active, String trigger, String flag, String band,
			String points, String stage, String days, String plan, String mrrMin, String mrrMax, String condStage,
			String ownerId, List<Map<String, String>> steps) {
	}

	static Playbook parse(PlaybookForm f) {
		String name = text("name", f.name(), 120, true);
		String description = text("description", f.description(), 1000, false);
		Trigger trigger = parseEnum("trigger", f.trigger(), Trigger.class);
		String flag = null;
		String band = null;
		Integer points = null;
		LifecycleStage stage = null;
		Integer days = null;
		switch (trigger) {
			case FLAG_RAISED -> flag = text("flag", f.flag(), 60, false);
			case SCORE_BAND -> {
				band = text("band", f.band(), 10, true).toUpperCase(Locale.ROOT);
				if (!BANDS.contains(band)) {
					throw InvalidInputException.of("band", "errors.playbooks.band", f.band());
				}
			}
			case SCORE_DROP -> points = number("points", f.points(), 1, 100, true);
			case STAGE_ENTERED -> stage = parseEnum("stage", f.stage(), LifecycleStage.class);
			case RENEWAL_DUE -> days = number("days", f.days(), 0, 365, true);
			case NO_SIGN_IN -> days = number("days", f.days(), 1, 365, true);
			default -> {
			}
		}
		Long mrrMin = amount("mrrMin", f.mrrMin());
		Long mrrMax = amount("mrrMax", f.mrrMax());
		if (mrrMin != null && mrrMax != null && mrrMin > mrrMax) {
			throw InvalidInputException.of("mrrMax", "errors.playbooks.mrr-range");
		}
		LifecycleStage condStage = blank(f.condStage()) ? null
				: parseEnum("condStage", f.condStage(), LifecycleStage.class);
		Long owner = blank(f.ownerId()) ? null : (long) number("ownerId", f.ownerId(), 1, Integer.MAX_VALUE, true);
		List<Step> steps = steps(f.steps());
		return new Playbook(0, null, name, description, f.active(), trigger, flag, band, points, stage, days,
				new Playbook.Conditions(text("plan", f.plan(), 100, false), mrrMin, mrrMax, condStage, owner), steps,
				0);
	}

	private static List<Step> steps(List<Map<String, String>> rows) {
		List<Step> steps = new ArrayList<>();
		for (Map<String, String> row : rows == null ? List.<Map<String, String>>of() : rows) {
			if (blank(row.get("title")) && blank(row.get("template"))) {
				continue;
			}
			int i = steps.size();
			String at = "steps[" + i + "].";
			StepKind kind = parseEnum(at + "kind", row.get("kind"), StepKind.class);
			String title = text(at + "title", row.get("title"), 250, true);
			String body = text(at + "body", row.get("body"), 4000, false);
			Integer due = kind.task() ? number(at + "dueDays", row.get("dueDays"), 0, 365, false) : null;
			String template = null;
			if (kind == StepKind.EMAIL) {
				template = text(at + "template", row.get("template"), 60, true);
				if (!TEMPLATES.contains(template)) {
					throw InvalidInputException.of(at + "template", "errors.playbooks.template", template,
							String.join(", ", TEMPLATES));
				}
			}
			if (kind.task() && due == null) {
				due = 0;
			}
			steps.add(new Step(i + 1, kind, title, body, due, template));
		}
		if (steps.isEmpty()) {
			throw InvalidInputException.of("steps", "errors.playbooks.no-steps");
		}
		if (steps.size() > MAX_STEPS) {
			throw InvalidInputException.of("steps", "errors.playbooks.too-many-steps", MAX_STEPS);
		}
		return steps;
	}

	private static String text(String field, String value, int max, boolean required) {
		if (blank(value)) {
			if (required) {
				throw InvalidInputException.of(field, "errors.playbooks.required");
			}
			return null;
		}
		String v = value.strip();
		if (v.length() > max) {
			throw InvalidInputException.of(field, "errors.playbooks.too-long", max);
		}
		return v;
	}

	private static Integer number(String field, String value, int min, int max, boolean required) {
		if (blank(value)) {
			if (required) {
				throw InvalidInputException.of(field, "errors.playbooks.required");
			}
			return null;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n < min || n > max) {
				throw InvalidInputException.of(field, "errors.playbooks.range", min, max);
			}
			return n;
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "errors.playbooks.range", min, max);
		}
	}

	private static Long amount(String field, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			long n = Long.parseLong(value.strip());
			if (n < 0) {
				throw InvalidInputException.of(field, "errors.playbooks.amount");
			}
			return n;
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "errors.playbooks.amount");
		}
	}

	private static <E extends Enum<E>> E parseEnum(String field, String value, Class<E> type) {
		if (blank(value)) {
			throw InvalidInputException.of(field, "errors.playbooks.required");
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of(field, "errors.playbooks.choice", value);
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
