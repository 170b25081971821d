package io.rapport.accounts.internal;

import io.rapport.shared.web.AdminLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The accounts module's admin pages, as the admin area and the sidebar list them. */
@Configuration(proxyBeanMethods = false)
class AccountsPages {

	@Bean
	AdminLink accountsAdminLink() {
		return new AdminLink("admin.accounts", "admin.accounts.subtitle", "/admin/accounts", "admin:accounts", 30);
	}

	@Bean
	AdminLink contactsAdminLink() {
		return new AdminLink("admin.contacts", "admin.contacts.subtitle", "/admin/contacts", "admin:contacts", 40);
	}
}
