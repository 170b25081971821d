package io.rapport.channels.email.mailboxes;

import java.net.URI;
import java.util.List;

import io.rapport.channels.email.imap.ImapPoller;
import io.rapport.channels.email.imap.PollResult;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Mailboxes for administrators: agents get 403, customers 404. No answer but two ever holds a secret. */
@RestController
@RequestMapping("/api/v1/mailboxes")
@Tag(name = "Mailboxes", description = "Support addresses: IMAP or pushed mail in, SMTP out (administrators)")
class MailboxRestController {

	private final MailboxService service;

	private final MailboxViews views;

	private final ConnectionCheck check;

	private final ImapPoller poller;

	MailboxRestController(MailboxService service, MailboxViews views, ConnectionCheck check, ImapPoller poller) {
		this.service = service;
		this.views = views;
		this.check = check;
		this.poller = poller;
	}

	@Operation(summary = "Create a mailbox; the answer holds the push endpoint's secret, shown only this once")
	@PostMapping
	ResponseEntity<MailboxView> create(@CurrentUser AuthenticatedUser user, @RequestBody MailboxRequest request) {
		user.requireAdmin();
		MailboxService.Created created = service.create(request);
		MailboxView view = views.of(created.mailbox(), created.inboundSecret());
		return ResponseEntity.created(URI.create("/api/v1/mailboxes/" + view.id())).body(view);
	}

	@Operation(summary = "List the mailboxes with their status")
	@GetMapping
	List<MailboxView> list(@CurrentUser AuthenticatedUser user) {
		user.requireAdmin();
		return service.all().stream().map(views::of).toList();
	}

	@Operation(summary = "Read one mailbox")
	@GetMapping("/{id}")
	MailboxView read(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAdmin();
		return views.of(service.require(id));
	}

	@Operation(summary = "Change a mailbox; fields left out (and passwords) keep their stored values")
	@PatchMapping("/{id}")
	MailboxView update(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestBody MailboxRequest request) {
		user.requireAdmin();
		return views.of(service.update(id, request));
	}

	@Operation(summary = "Delete a mailbox, or deactivate it when received or sent mail refers to it")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAdmin();
		service.delete(id);
	}

	@Operation(summary = "Replace the push endpoint's secret (the old one stops working); shown only this once")
	@PostMapping("/{id}/inbound-secret")
	MailboxView rotateSecret(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAdmin();
		MailboxService.Created rotated = service.rotateSecret(id);
		return views.of(rotated.mailbox(), rotated.inboundSecret());
	}

	@Operation(summary = "Test the IMAP and SMTP connections; says which step failed (DNS, connect, TLS, login, folder)")
	@PostMapping("/{id}/test")
	ConnectionCheck.Report test(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAdmin();
		return check.check(service.require(id));
	}

	@Operation(summary = "Poll an IMAP mailbox now instead of waiting for its interval")
	@PostMapping("/{id}/poll")
	PollResult poll(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAdmin();
		service.require(id);
		return poller.pollNow(id);
	}
}
