package io.rapport.billing.internal;

import java.util.List;
import java.util.Locale;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.shared.InvalidInputException;

import org.springframework.stereotype.Component;

/** Finds the account a person names: by its id, its domain, or its exact name (any case). */
@Component
class AccountLookup {

	private final AccountsApi accounts;

	AccountLookup(AccountsApi accounts) {
		this.accounts = accounts;
	}

	/** @throws InvalidInputException on {@code field} when no account or several match */
	AccountView find(String text, String field) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			throw InvalidInputException.of(field, "errors.billing.account-missing");
		}
		if (value.matches("\\d{1,18}")) {
			return accounts.account(Long.parseLong(value))
				.orElseThrow(() -> InvalidInputException.of(field, "errors.billing.account-unknown", value));
		}
		var byDomain = accounts.accountByDomain(value.toLowerCase(Locale.ROOT));
		if (byDomain.isPresent()) {
			return byDomain.get();
		}
		List<AccountView> named = accounts.searchAccounts(value, 0, 100).items().stream()
			.filter(a -> a.name().equalsIgnoreCase(value)).toList();
		if (named.size() > 1) {
			throw InvalidInputException.of(field, "errors.billing.account-ambiguous", value, named.size());
		}
		return named.stream().findFirst()
			.orElseThrow(() -> InvalidInputException.of(field, "errors.billing.account-unknown", value));
	}
}
