package io.rapport.tickets;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A ticket as a channel or the API submits it. The requester is found or created by email. A customer creating a
 * ticket is always its requester, whatever this says, and what they send is a request: their {@code priority} and
 * {@code tags} are ignored, and a {@code type} other than the portal's (question, incident, billing, feature
 * request, complaint) is ignored too. When an agent creates it, the description is theirs, written on the
 * requester's behalf.
 */
public record NewTicket(@NotBlank @Size(max = 250) String subject, @NotBlank @Size(max = 100_000) String description,
		@Valid Requester requester, TicketType type, TicketPriority priority, Channel channel,
		@Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {

	public record Requester(@NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
			@Size(max = 200) String name) {
	}
}
