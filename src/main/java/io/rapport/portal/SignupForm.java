package io.rapport.portal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the sign-up page asks for. Messages come from {@code i18n/portal} by constraint and field. */
record SignupForm(@NotBlank @Size(max = 200) String name,
		@NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
		@NotBlank @Size(min = 10, max = 200) String password) {

	static SignupForm empty() {
		return new SignupForm("", "", "");
	}
}
