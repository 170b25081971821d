package io.rapport.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.PageResult;
import io.rapport.shared.web.FileDownloads;
import io.rapport.surveys.CsatSurveys;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketSearch;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.TicketsApi.AttachmentDownload;
import io.rapport.tickets.Upload;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** A customer's requests: the list, a new request, one conversation with its reply form, and attachments. */
@Controller
@RequestMapping("/portal")
class PortalTicketsController {

	static final int PAGE_SIZE = 20;

	private final TicketsApi tickets;

	private final Requests requests;

	private final MessageSource messages;

	private final TicketSearch search;

	private final CsatSurveys csat;

	PortalTicketsController(TicketsApi tickets, Requests requests, MessageSource messages, TicketSearch search,
			CsatSurveys csat) {
		this.csat = csat;
		this.tickets = tickets;
		this.search = search;
		this.requests = requests;
		this.messages = messages;
	}

	@GetMapping
	String list(@CurrentUser AuthenticatedUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String q, Locale locale, Model model) {
		int current = Math.max(0, Math.min(page, 10_000));
		if (q != null && !q.isBlank()) {
			return found(user, q.strip(), Math.min(current, 400), locale, model);
		}
		PageResult<TicketView> result = tickets.list(TicketFilter.any(), current, PAGE_SIZE, user);
		model.addAttribute("tickets", result.items().stream().map(PortalViews.Row::of).toList());
		model.addAttribute("page", current);
		model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < result.total());
		return "portal/tickets";
	}

	/** The customer's own requests holding the words: subjects and public messages only (the access rule is the search's). */
	private String found(AuthenticatedUser user, String q, int page, Locale locale, Model model) {
		String words = q.length() > 500 ? q.substring(0, 500) : q;
		TicketSearch.Query query = new TicketSearch.Query(words, null, null, null, false, null, null, null, null, null,
				null, locale.toLanguageTag(), page, PAGE_SIZE);
		TicketSearch.Hits hits = search.search(query, user);
		model.addAttribute("q", words);
		model.addAttribute("found", hits.items().stream().map(PortalViews.Found::of).toList());
		model.addAttribute("tickets", List.of());
		model.addAttribute("page", page);
		model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < hits.total());
		return "portal/tickets";
	}

	@GetMapping("/tickets/new")
	String newTicket(Model model) {
		model.addAttribute("portalTicket", TicketForm.empty());
		return showNewForm(model);
	}

	@PostMapping("/tickets")
	String create(@CurrentUser AuthenticatedUser user, @Valid @ModelAttribute("portalTicket") TicketForm form,
			BindingResult errors, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			Model model) {
		if (form.type() != null && !TicketForm.CHOICES.contains(form.type())) {
			errors.rejectValue("type", "portal.ticket.type.invalid");
		}
		if (errors.hasErrors()) {
			FormErrors.oneMessagePerField(errors, model);
			return showNewForm(model);
		}
		List<Upload> uploads = uploads(files);
		try {
			TicketView ticket = requests.submit(form, uploads, user);
			return "redirect:/portal/tickets/" + ticket.id() + "?created";
		}
		catch (InvalidInputException e) {
			FormErrors.reject(errors, e, model, messages);
			return showNewForm(model);
		}
	}

	@GetMapping("/tickets/{id}")
	String show(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model model) {
		model.addAttribute("portalReply", ReplyForm.empty());
		return showTicket(id, user, model);
	}

	@PostMapping("/tickets/{id}/replies")
	String reply(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@Valid @ModelAttribute("portalReply") ReplyForm form, BindingResult errors,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
		if (errors.hasErrors()) {
			FormErrors.oneMessagePerField(errors, model);
			return showTicket(id, user, model);
		}
		try {
			tickets.addMessage(id, new NewMessage(form.body(), null, NewMessage.BodyFormat.TEXT), uploads(files), user);
			return "redirect:/portal/tickets/" + id + "?replied#latest";
		}
		catch (InvalidInputException e) {
			FormErrors.reject(errors, e, model, messages);
		}
		catch (ConflictException e) {
			errors.reject("portal.reply.closed");
		}
		return showTicket(id, user, model);
	}

	@GetMapping("/attachments/{id}")
	ResponseEntity<byte[]> attachment(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		AttachmentDownload file = tickets.attachment(id, user);
		return FileDownloads.attachment(file.filename(), file.contentType(), file.content());
	}

	private String showNewForm(Model model) {
		model.addAttribute("types", TicketForm.CHOICES);
		return "portal/new-ticket";
	}

	private String showTicket(long id, AuthenticatedUser user, Model model) {
		TicketView ticket = tickets.get(id, user);
		model.addAttribute("ticket", PortalViews.Detail.of(ticket));
		model.addAttribute("messages",
				tickets.messages(id, user).stream().map(m -> PortalViews.Entry.of(m, user)).toList());
		model.addAttribute("csat", csat.offerFor(id, user).orElse(null));
		return "portal/ticket";
	}

	/** The parts the browser sent for chosen files; an empty file input still sends one part without a name. */
	private static List<Upload> uploads(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream()
			.filter(file -> file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())
			.map(PortalTicketsController::upload)
			.toList();
	}

	private static Upload upload(MultipartFile file) {
		try {
			return new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
