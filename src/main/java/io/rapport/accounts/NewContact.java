package io.rapport.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * @param password optional: when given, the contact can sign in to the portal and the API at once (as an import
 * from another help desk would provision them)
 */
public record NewContact(@NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
		@Size(max = 200) String name, Long accountId, @Size(min = 10, max = 200) String password) {
}
