package io.rapport.accounts.internal;

import java.time.Clock;
import java.util.List;

import io.rapport.accounts.AccountStageChanged;
import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.StageChange;
import io.rapport.identity.AgentView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.ForbiddenException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer-success side of an account: its lifecycle stage with the history of who or what moved it, the
 * success manager who owns it, and the note the owner pins for support. Behind {@code AccountsApi}.
 */
@Service
public class Lifecycle {

	/** How a new account's first stage is recorded as moved. */
	public static final String CREATED = "account created";

	private final Accounts accounts;

	private final AccountStageChanges history;

	private final SuccessAccess access;

	private final IdentityApi identity;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Lifecycle(Accounts accounts, AccountStageChanges history, SuccessAccess access, IdentityApi identity,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.history = history;
		this.access = access;
		this.identity = identity;
		this.events = events;
		this.clock = clock;
	}

	/** Records the onboarding stage a new account starts in, so that its history begins with it. */
	@Transactional
	public void started(long accountId) {
		record(accountId, new StageChange(null, LifecycleStage.ONBOARDING, null, null, CREATED, clock.instant()));
	}

	/** Moves the account; answers false (and records nothing) when it is already in that stage. */
	@Transactional
	public boolean move(long accountId, LifecycleStage stage, String reason, Long agentId, String movedBy) {
		if (stage == null) {
			throw InvalidInputException.of("stage", "errors.account.stage");
		}
		Account account = find(accountId);
		if (account.stage() == stage) {
			return false;
		}
		String by = movedBy != null ? movedBy
				: identity.agent(agentId).map(AgentView::name).orElse("agent " + agentId);
		StageChange change = new StageChange(account.stage(), stage, blankToNull(reason), agentId,
				by.length() > 100 ? by.substring(0, 100) : by, clock.instant());
		account.stage(stage);
		record(accountId, change);
		return true;
	}

	@Transactional(readOnly = true)
	public List<StageChange> history(long accountId) {
		return history.findByAccountIdOrderByChangedAtDescIdDesc(accountId).stream()
			.map(AccountStageChangeRow::view).toList();
	}

	/** Gives the account to a success manager, or to nobody (null). */
	@Transactional
	public void own(long accountId, Long ownerId) {
		Account account = find(accountId);
		if (ownerId != null && !access.isSuccessManager(ownerId)) {
			throw InvalidInputException.of("ownerId", "errors.account.owner-not-success");
		}
		account.owner(ownerId);
	}

	/** Pins (or with a blank text, unpins) the account's note: its owner's, or an admin's. */
	@Transactional
	public void pin(long accountId, String text, long agentId, boolean admin) {
		Account account = find(accountId);
		if (!admin && !Long.valueOf(agentId).equals(account.view().ownerId())) {
			throw ForbiddenException.of("errors.account.note-owner-only");
		}
		account.pin(blankToNull(text), agentId, clock.instant());
	}

	private void record(long accountId, StageChange change) {
		history.save(new AccountStageChangeRow(accountId, change));
		events.publishEvent(new AccountStageChanged(accountId, change.from(), change.to(), change.reason(),
				change.agentId(), change.movedBy(), change.at()));
	}

	private Account find(long id) {
		return accounts.findById(id).orElseThrow(() -> NotFoundException.of("errors.account.not-found", id));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
