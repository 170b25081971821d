package io.rapport.identity;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewAgent(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name,
		@NotBlank @Size(min = 10, max = 200) String password, @NotNull Role role,
		List<@NotBlank @Size(max = 40) String> groups) {
}
