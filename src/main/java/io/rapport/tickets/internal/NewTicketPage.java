package io.rapport.tickets.internal;

import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.Channel;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** An agent logs a ticket for a customer who phoned or wrote to them directly. */
@Controller
@WorkspacePage
class NewTicketPage {

	private final TicketsApi tickets;

	NewTicketPage(TicketsApi tickets) {
		this.tickets = tickets;
	}

	@GetMapping("/tickets/new")
	String form(Model model) {
		model.addAttribute("form", new NewTicketForm(null, null, null, null, TicketType.QUESTION,
				TicketPriority.NORMAL, Channel.PHONE, null));
		return view(model);
	}

	@PostMapping("/tickets/new")
	String create(@CurrentUser AuthenticatedUser user, @Valid @ModelAttribute("form") NewTicketForm form,
			BindingResult binding, Model model, HttpServletResponse response) {
		if (!binding.hasErrors()) {
			try {
				TicketView ticket = tickets.create(form.toCommand(), user);
				return "redirect:/tickets/" + ticket.id() + "?view=all";
			}
			catch (InvalidInputException e) {
				PageForms.reject(binding,
						PageForms.field(e.field(), "requesterEmail", "subject", "description", "tags"), e);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return view(model);
	}

	private static String view(Model model) {
		model.addAttribute("types", TicketType.values());
		model.addAttribute("priorities", TicketPriority.values());
		model.addAttribute("channels", List.of(Channel.PHONE, Channel.EMAIL, Channel.CHAT, Channel.PORTAL));
		model.addAttribute("activeView", "new");
		return "tickets/new";
	}

	record NewTicketForm(@NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String requesterEmail,
			@Size(max = 200) String requesterName, @NotBlank @Size(max = 250) String subject,
			@NotBlank @Size(max = 100_000) String description, TicketType type, TicketPriority priority,
			Channel channel, @Size(max = 1100) String tags) {

		NewTicket toCommand() {
			List<String> tagList = Tags.split(tags);
			return new NewTicket(subject, description, new NewTicket.Requester(requesterEmail.strip(), requesterName),
					type, priority, channel, tagList);
		}
	}
}
