package io.rapport.tickets;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A ticket as a channel or the API submits it. The requester is found or created by email; a customer creating a
 * ticket is always its requester, whatever this says.
 */
public record NewTicket(@NotBlank @Size(max = 250) String subject, @NotBlank @Size(max = 100_000) String description,
		@Valid Requester requester, TicketType type, TicketPriority priority, Channel channel,
		@Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {

	public record Requester(@NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
			@Size(max = 200) String name) {
	}
}
