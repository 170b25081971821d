package io.rapport.surveys.nps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.shared.PageResult;

import org.springframework.stereotype.Component;

/**
 * The contacts a campaign asks, through the accounts facade: every contact (each has an email), the contacts of
 * the chosen accounts, or the known contacts among a pasted list of addresses (an unknown address is skipped: a
 * survey does not create people). A lifecycle stage or plan joins here once customer success exists.
 */
@Component
class AudienceResolver {

	private static final int PAGE = 500;

	private final AccountsApi accounts;

	AudienceResolver(AccountsApi accounts) {
		this.accounts = accounts;
	}

	List<ContactView> contacts(Campaign campaign) {
		Map<Long, ContactView> found = new LinkedHashMap<>();
		switch (campaign.audience()) {
			case ALL -> {
				for (int page = 0;; page++) {
					PageResult<ContactView> result = accounts.searchContacts("", page, PAGE);
					result.items().forEach(c -> found.putIfAbsent(c.id(), c));
					if (result.items().size() < PAGE) {
						break;
					}
				}
			}
			case ACCOUNTS -> campaign.accountIds()
				.forEach(id -> accounts.contactsOf(id).forEach(c -> found.putIfAbsent(c.id(), c)));
			case LIST -> campaign.emails().forEach(email -> accounts.contactByEmail(email)
				.ifPresent(c -> found.putIfAbsent(c.id(), c)));
		}
		return found.values().stream().filter(c -> c.email() != null && !c.email().isBlank()).toList();
	}
}
