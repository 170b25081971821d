package io.rapport.health.playbooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the playbooks an occurrence triggers on an account, once per playbook, account and occurrence. The run is
 * claimed in a transaction of its own and each step then commits on its own with its outcome, so a step that
 * fails (no mailbox, a ticket refused) is recorded as failed without undoing the tasks already made, and a run a
 * crash interrupted resumes at its first step without an outcome when the event comes again.
 */
@Service
class PlaybookEngine {

	private static final Logger log = LoggerFactory.getLogger(PlaybookEngine.class);

	private final Playbooks playbooks;

	private final PlaybookRuns runs;

	private final StepRunner steps;

	private final AccountConditions conditions;

	private final AccountsApi accounts;

	private final TransactionTemplate own;

	PlaybookEngine(Playbooks playbooks, PlaybookRuns runs, StepRunner steps, AccountConditions conditions,
			AccountsApi accounts, PlatformTransactionManager transactions) {
		this.playbooks = playbooks;
		this.runs = runs;
		this.steps = steps;
		this.conditions = conditions;
		this.accounts = accounts;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Runs every active playbook this occurrence triggers; answers the ids of the runs it did. */
	List<Long> fire(Occurrence occurrence) {
		List<Playbook> candidates = playbooks.active(occurrence.trigger()).stream()
			.filter(p -> triggeredBy(p, occurrence)).toList();
		if (candidates.isEmpty()) {
			return List.of();
		}
		Optional<AccountView> account = accounts.account(occurrence.accountId());
		if (account.isEmpty()) {
			return List.of();
		}
		List<Long> done = new ArrayList<>();
		for (Playbook playbook : candidates) {
			if (conditions.met(playbook.conditions(), account.get())) {
				run(playbook, occurrence, account.get()).ifPresent(done::add);
			}
		}
		return done;
	}

	/** Runs one playbook on an account for an occurrence, unless it ran for that occurrence already. */
	Optional<Long> run(Playbook playbook, Occurrence occurrence, AccountView account) {
		Optional<Long> claimed = inOwn(() -> runs.claim(playbook.id(), account.id(), occurrence.key(),
				occurrence.at()));
		if (claimed.isEmpty()) {
			return Optional.empty();
		}
		long runId = claimed.get();
		Set<Integer> done = runs.stepsDone(runId);
		for (Step step : playbook.steps()) {
			if (!done.contains(step.position())) {
				runStep(runId, step, occurrence, account);
			}
		}
		inOwn(() -> runs.finish(runId));
		return claimed;
	}

	private void runStep(long runId, Step step, Occurrence occurrence, AccountView account) {
		try {
			inOwn(() -> {
				StepResult result = steps.run(step, occurrence, account, runId);
				runs.recordStep(runId, step, result);
				return result;
			});
		}
		catch (RuntimeException e) {
			log.warn("Playbook run {} step {} failed", runId, step.position(), e);
			String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			inOwn(() -> {
				runs.recordStep(runId, step, StepResult.failed("playbooks.outcome.error",
						reason.length() > 480 ? reason.substring(0, 480) : reason));
				return null;
			});
		}
	}

	static boolean triggeredBy(Playbook p, Occurrence o) {
		return switch (p.trigger()) {
			case FLAG_RAISED -> p.triggerFlag() == null || p.triggerFlag().equals(o.flag());
			case SCORE_BAND -> p.triggerBand() != null && p.triggerBand().equals(o.band());
			case SCORE_DROP -> p.triggerPoints() != null && o.fallen() != null && o.fallen() >= p.triggerPoints();
			case STAGE_ENTERED -> p.triggerStage() != null && p.triggerStage() == o.stage();
			case RENEWAL_DUE -> p.triggerDays() != null && o.days() != null && o.days() <= p.triggerDays();
			case NO_SIGN_IN -> p.triggerDays() != null && o.days() != null && o.days() >= p.triggerDays();
			case NPS_DETRACTOR, NEW_ACCOUNT -> true;
		};
	}

	private <T> T inOwn(Supplier<T> work) {
		return own.execute(status -> work.get());
	}
}
