package io.rapport.health.playbooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.rapport.accounts.LifecycleStage;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The playbooks Rapport ships, created on first start (before the demo's accounts, so they run for them) and then
 * the admins' to edit or pause: proactive onboarding for new accounts (seeds 002 and 003: welcome mail on day 0, a
 * kickoff call on day 2, the first-value-event check on days 7 and 21), winning back an account a churn-risk flag
 * was raised on (seed 003: identify, target, engage, win back), a review when the score falls into red, and the
 * renewal 60 days ahead (review health, call, proposal). Their words come from the {@code playbooks} bundle in
 * the installation's language (English); once created they are data, edited like any other playbook.
 */
@Component
@Order(10)
class BuiltinPlaybooks implements ApplicationRunner {

	static final String ONBOARDING = "onboarding";

	static final String WIN_BACK = "win-back";

	static final String RED_SCORE = "red-score";

	static final String RENEWAL = "renewal";

	static final List<String> KEYS = List.of(ONBOARDING, WIN_BACK, RED_SCORE, RENEWAL);

	private final Playbooks playbooks;

	private final MessageSource messages;

	BuiltinPlaybooks(Playbooks playbooks, MessageSource messages) {
		this.playbooks = playbooks;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String key : KEYS) {
			if (playbooks.builtin(key).isEmpty()) {
				playbooks.create(builtin(key));
			}
		}
	}

	private Playbook builtin(String key) {
		Steps steps = new Steps(key);
		return switch (key) {
			case ONBOARDING -> playbook(key, Trigger.NEW_ACCOUNT, null, null, steps.mail("welcome", "success.welcome")
				.task("kickoff", StepKind.TASK, 2).task("value7", StepKind.VALUE_CHECK, 7)
				.task("value21", StepKind.VALUE_CHECK, 21));
			case WIN_BACK -> playbook(key, Trigger.FLAG_RAISED, null, null, steps.task("identify", StepKind.TASK, 1)
				.task("target", StepKind.TASK, 2).mail("engage-mail", "success.checkin")
				.task("engage", StepKind.TASK, 3).task("winback", StepKind.TASK, 14));
			case RED_SCORE -> playbook(key, Trigger.SCORE_BAND, "RED", null, steps.task("review", StepKind.TASK, 1)
				.task("call", StepKind.TASK, 3));
			default -> playbook(key, Trigger.RENEWAL_DUE, null, 60, steps.task("review", StepKind.TASK, 3)
				.task("call", StepKind.TASK, 10).task("proposal", StepKind.TASK, 30));
		};
	}

	private Playbook playbook(String key, Trigger trigger, String band, Integer days, Steps steps) {
		return new Playbook(0, key, word("playbooks.builtin." + key + ".name"),
				word("playbooks.builtin." + key + ".description"), true, trigger, null, band, null,
				trigger == Trigger.STAGE_ENTERED ? LifecycleStage.ONBOARDING : null, days,
				Playbook.Conditions.ANY, steps.list, 0);
	}

	private String word(String code) {
		return messages.getMessage(code, null, Locale.ENGLISH);
	}

	/** The steps of a built-in playbook, their words read from the bundle under its key. */
	private final class Steps {

		final String playbook;

		final List<Step> list = new ArrayList<>();

		Steps(String playbook) {
			this.playbook = playbook;
		}

		Steps task(String step, StepKind kind, int dueDays) {
			String at = "playbooks.builtin." + playbook + ".step." + step;
			list.add(new Step(list.size() + 1, kind, word(at + ".title"), word(at + ".body"), dueDays, null));
			return this;
		}

		Steps mail(String step, String template) {
			list.add(new Step(list.size() + 1, StepKind.EMAIL,
					word("playbooks.builtin." + playbook + ".step." + step + ".title"), null, null, template));
			return this;
		}
	}
}
