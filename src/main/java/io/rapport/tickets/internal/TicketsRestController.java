package io.rapport.tickets.internal;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.PageResult;
import io.rapport.shared.web.FileDownloads;
import io.rapport.tickets.ChangeView;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketSort;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Upload;
import io.rapport.tickets.Visibility;
import io.rapport.tickets.internal.CustomerApiViews.CustomerMessageView;
import io.rapport.tickets.internal.CustomerApiViews.CustomerTicketView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tickets", description = "Tickets, their conversation, escalations, history and attachments")
class TicketsRestController {

	private final TicketsApi tickets;

	private final IdentityApi identity;

	TicketsRestController(TicketsApi tickets, IdentityApi identity) {
		this.tickets = tickets;
		this.identity = identity;
	}

	@Operation(summary = "Open a ticket")
	@PostMapping("/tickets")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(oneOf = { TicketView.class,
			CustomerTicketView.class })))
	ResponseEntity<Object> create(@CurrentUser AuthenticatedUser user, @Valid @RequestBody NewTicket request) {
		TicketView ticket = tickets.create(request, user);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticket.id())).body(shown(ticket, user));
	}

	@Operation(summary = "Read one ticket")
	@GetMapping("/tickets/{id}")
	@ApiResponse(responseCode = "200", description = "The full ticket for agents; a customer's own shape for customers",
			content = @Content(schema = @Schema(oneOf = { TicketView.class, CustomerTicketView.class })))
	Object get(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		return shown(tickets.get(id, user), user);
	}

	@Operation(summary = "List and filter tickets")
	@GetMapping("/tickets")
	PageResult<?> list(@CurrentUser AuthenticatedUser user,
			@RequestParam(required = false) Set<TicketStatus> status, @RequestParam(required = false) String group,
			@RequestParam(required = false) Long assigneeId, @RequestParam(required = false) Long requesterId,
			@RequestParam(required = false) Long accountId, @RequestParam(required = false) @Size(max = 50) String tag,
			@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "25") @Min(1) @Max(100) int size,
			@org.springdoc.core.annotations.ParameterObject QueueParams queue) {
		Set<Long> groups = group == null ? null : Set.of(identity.requireGroup("group", group).id());
		TicketFilter filter = new TicketFilter(status == null || status.isEmpty() ? null : status, groups, assigneeId,
				Boolean.TRUE.equals(queue.unassigned()), requesterId, accountId, tag, q, queue.priority(),
				queue.type(), queue.channel(), null, queue.createdFrom(), queue.createdBefore(), queue.updatedFrom(),
				queue.updatedBefore());
		PageResult<TicketView> found = tickets.list(filter, TicketSort.parse(queue.sort()), page, size, user);
		return user.isContact() ? found.map(CustomerTicketView::of) : found;
	}

	@Operation(summary = "Change status, priority, type, group, assignee or tags")
	@PatchMapping("/tickets/{id}")
	TicketView update(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @RequestBody TicketUpdate request) {
		return tickets.update(id, request, user);
	}

	@Operation(summary = "Reply or add an internal note (JSON)")
	@PostMapping(path = "/tickets/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> reply(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @RequestBody NewMessage request) {
		MessageView message = tickets.addMessage(id, request, List.of(), user);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/messages/" + message.id()))
			.body(shown(message, user));
	}

	/** The same, with files: parts {@code body}, {@code visibility} (optional) and {@code files}. */
	@Operation(summary = "Reply or add an internal note with files (multipart)")
	@PostMapping(path = "/tickets/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Object> replyWithFiles(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam @NotBlank @Size(max = 100_000) String body,
			@RequestParam(required = false) Visibility visibility,
			@RequestPart(name = "files", required = false) List<MultipartFile> files) throws IOException {
		MessageView message = tickets.addMessage(id, new NewMessage(body, visibility, null), uploads(files), user);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/messages/" + message.id()))
			.body(shown(message, user));
	}

	@Operation(summary = "Read a ticket's conversation")
	@GetMapping("/tickets/{id}/messages")
	List<?> messages(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		List<MessageView> messages = tickets.messages(id, user);
		return user.isContact() ? messages.stream().map(CustomerMessageView::of).toList() : messages;
	}

	@Operation(summary = "Escalate a ticket to another group, with a reason")
	@PostMapping("/tickets/{id}/escalations")
	ResponseEntity<TicketView> escalate(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @RequestBody EscalationRequest request) {
		TicketView ticket = tickets.escalate(id, request.to(), request.reason(), user);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id)).body(ticket);
	}

	@Operation(summary = "Read a ticket's change history")
	@GetMapping("/tickets/{id}/history")
	List<ChangeView> history(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		return tickets.history(id, user);
	}

	@Operation(summary = "Download an attachment")
	@GetMapping("/attachments/{id}")
	ResponseEntity<byte[]> attachment(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		return download(tickets.attachment(id, user));
	}

	/** A customer gets their own shape of a ticket, never the support team's working data. */
	private static Object shown(TicketView ticket, AuthenticatedUser user) {
		return user.isContact() ? CustomerTicketView.of(ticket) : ticket;
	}

	private static Object shown(MessageView message, AuthenticatedUser user) {
		return user.isContact() ? CustomerMessageView.of(message) : message;
	}

	/** Files are always downloads, never rendered: one responder for the API, the workspace and the portal. */
	static ResponseEntity<byte[]> download(TicketsApi.AttachmentDownload file) {
		return FileDownloads.attachment(file.filename(), file.contentType(), file.content());
	}

	static List<Upload> uploads(List<MultipartFile> files) throws IOException {
		List<Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
					uploads.add(new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
				}
			}
		}
		return uploads;
	}

	record EscalationRequest(@NotBlank @Size(max = 40) String to, @NotBlank @Size(max = 2000) String reason) {
	}
}
