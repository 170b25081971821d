package io.rapport.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewAccount(@NotBlank @Size(max = 200) String name,
		@Size(max = 253) @Pattern(regexp = "^$|^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$",
				message = "must be a domain name such as example.com") String domain,
		@Size(max = 100) String externalId) {
}
