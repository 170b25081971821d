package io.rapport.health.playbooks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.channels.EmailApi;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Component;

/**
 * Does one step of a run on an account. A task goes to the account's owner (or to nobody, for the success group
 * to take, when the account has none), due the given days after the trigger; a mail goes to each of the account's
 * contacts in their language through the channels outbox; a ticket is opened by the owner on behalf of the
 * account's first contact, so it appears in support's queues with the account attached. What cannot be done is a
 * failed step with its reason, never an exception: the other steps still run.
 */
@Component
class StepRunner {

	static final int MAX_RECIPIENTS = 50;

	private final Tasks tasks;

	private final AccountsApi accounts;

	private final EmailApi email;

	private final TicketsApi tickets;

	private final IdentityApi identity;

	StepRunner(Tasks tasks, AccountsApi accounts, EmailApi email, TicketsApi tickets, IdentityApi identity) {
		this.tasks = tasks;
		this.accounts = accounts;
		this.email = email;
		this.tickets = tickets;
		this.identity = identity;
	}

	StepResult run(Step step, Occurrence occurrence, AccountView account, long runId) {
		return switch (step.kind()) {
			case TASK, VALUE_CHECK -> task(step, occurrence, account, runId);
			case EMAIL -> mail(step, account);
			case TICKET -> ticket(step, account);
		};
	}

	private StepResult task(Step step, Occurrence occurrence, AccountView account, long runId) {
		LocalDate due = LocalDate.ofInstant(occurrence.at(), ZoneOffset.UTC)
			.plusDays(step.dueDays() == null ? 0 : step.dueDays());
		long id = tasks.create(account.id(), account.ownerId(), step.title(), step.body(),
				step.kind() == StepKind.VALUE_CHECK, due, runId);
		return StepResult.done(account.ownerId() == null ? "playbooks.outcome.task-unassigned"
				: "playbooks.outcome.task", id);
	}

	private StepResult mail(Step step, AccountView account) {
		List<ContactView> contacts = accounts.contactsOf(account.id());
		if (contacts.isEmpty()) {
			return StepResult.failed("playbooks.outcome.no-contacts", null);
		}
		if (!email.canSend()) {
			return StepResult.failed("playbooks.outcome.no-mailbox", null);
		}
		int sent = 0;
		for (ContactView contact : contacts.subList(0, Math.min(MAX_RECIPIENTS, contacts.size()))) {
			email.sendTemplate(contact.email(), contact.displayName(), step.template(), contact.locale(),
					Map.of("name", contact.displayName()));
			sent++;
		}
		return StepResult.done("playbooks.outcome.mailed", sent);
	}

	private StepResult ticket(Step step, AccountView account) {
		if (account.ownerId() == null) {
			return StepResult.failed("playbooks.outcome.no-owner", null);
		}
		AgentView owner = identity.agent(account.ownerId()).filter(AgentView::active).orElse(null);
		if (owner == null) {
			return StepResult.failed("playbooks.outcome.no-owner", null);
		}
		List<ContactView> contacts = accounts.contactsOf(account.id());
		if (contacts.isEmpty()) {
			return StepResult.failed("playbooks.outcome.no-contacts", null);
		}
		ContactView contact = contacts.get(0);
		TicketView ticket = tickets.create(new NewTicket(step.title(),
				step.body() == null || step.body().isBlank() ? step.title() : step.body(),
				new NewTicket.Requester(contact.email(), contact.name()), null, null, null, List.of("playbook")),
				AuthenticatedUser.agent(owner.id(), owner.email(), owner.name(), owner.role()));
		return StepResult.done("playbooks.outcome.ticket", ticket.number());
	}
}
