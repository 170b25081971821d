package io.rapport.tickets.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.PageResult;
import io.rapport.tickets.ChangeView;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Upload;
import io.rapport.tickets.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
	ResponseEntity<TicketView> create(@CurrentUser AuthenticatedUser user, @Valid @RequestBody NewTicket request) {
		TicketView ticket = tickets.create(request, user);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticket.id())).body(ticket);
	}

	@Operation(summary = "Read one ticket")
	@GetMapping("/tickets/{id}")
	TicketView get(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		return tickets.get(id, user);
	}

	@Operation(summary = "List and filter tickets")
	@GetMapping("/tickets")
	PageResult<TicketView> list(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) TicketStatus status,
			@RequestParam(required = false) String group, @RequestParam(required = false) Long assigneeId,
			@RequestParam(required = false) Long requesterId, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) @Size(max = 50) String tag,
			@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "25") @Min(1) @Max(100) int size) {
		Set<Long> groups = group == null ? null : Set.of(identity.requireGroup("group", group).id());
		TicketFilter filter = new TicketFilter(status == null ? null : Set.of(status), groups, assigneeId, false,
				requesterId, accountId, tag, q);
		return tickets.list(filter, page, size, user);
	}

	@Operation(summary = "Change status, priority, type, group, assignee or tags")
	@PatchMapping("/tickets/{id}")
	TicketView update(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @RequestBody TicketUpdate request) {
		return tickets.update(id, request, user);
	}

	@Operation(summary = "Reply or add an internal note (JSON)")
	@PostMapping(path = "/tickets/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<MessageView> reply(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @RequestBody NewMessage request) {
		MessageView message = tickets.addMessage(id, request, List.of(), user);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/messages/" + message.id())).body(message);
	}

	/** The same, with files: parts {@code body}, {@code visibility} (optional) and {@code files}. */
	@Operation(summary = "Reply or add an internal note with files (multipart)")
	@PostMapping(path = "/tickets/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<MessageView> replyWithFiles(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam @NotBlank @Size(max = 100_000) String body,
			@RequestParam(required = false) Visibility visibility,
			@RequestPart(name = "files", required = false) List<MultipartFile> files) throws IOException {
		MessageView message = tickets.addMessage(id, new NewMessage(body, visibility, null), uploads(files), user);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/messages/" + message.id())).body(message);
	}

	@Operation(summary = "Read a ticket's conversation")
	@GetMapping("/tickets/{id}/messages")
	List<MessageView> messages(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		return tickets.messages(id, user);
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

	/** Files are always downloads, never rendered: a hostile HTML or SVG file cannot run in our origin. */
	static ResponseEntity<byte[]> download(TicketsApi.AttachmentDownload file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.contentType(MediaType.parseMediaType(file.contentType()))
			.body(file.content());
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
