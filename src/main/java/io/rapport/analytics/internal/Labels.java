package io.rapport.analytics.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.analytics.internal.ReportQuery.GroupBy;
import io.rapport.identity.AgentView;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.InvalidInputException;

import org.springframework.stereotype.Component;

/** Names for the ids and keys reports group by: agents, groups and accounts, read from their modules' facades. */
@Component
class Labels {

	private final IdentityApi identity;

	private final AccountsApi accounts;

	Labels(IdentityApi identity, AccountsApi accounts) {
		this.identity = identity;
		this.accounts = accounts;
	}

	void requireGroup(String key) {
		if (key != null && identity.groupByKey(key).isEmpty()) {
			throw InvalidInputException.of("group", "errors.analytics.unknownGroup", key);
		}
	}

	/** Adds a {@code label} after each row's key when the rows are grouped by agent, group or account. */
	void label(List<Map<String, Object>> rows, GroupBy by) {
		Map<Object, String> names = switch (by) {
			case AGENT -> agents();
			case GROUP -> groups();
			case ACCOUNT -> accounts(rows.stream().map(r -> r.get("key")).filter(Objects::nonNull)
				.map(k -> ((Number) k).longValue()).collect(Collectors.toSet()));
			default -> null;
		};
		if (names == null) {
			return;
		}
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> row = rows.get(i);
			Map<String, Object> labelled = new java.util.LinkedHashMap<>();
			labelled.put("key", row.get("key"));
			labelled.put("label", row.get("key") == null ? null : names.get(row.get("key")));
			row.forEach(labelled::putIfAbsent);
			rows.set(i, labelled);
		}
	}

	Map<Object, String> agents() {
		return identity.agents().stream().collect(Collectors.toMap(a -> (Object) a.id(), AgentView::name));
	}

	Map<Object, String> groups() {
		return identity.groups().stream().collect(Collectors.toMap(g -> (Object) g.key(), GroupView::name));
	}

	List<GroupView> groupList() {
		return identity.groups();
	}

	Map<Object, String> accounts(java.util.Collection<Long> ids) {
		return accounts.accounts(ids).values().stream()
			.collect(Collectors.toMap(a -> (Object) a.id(), AccountView::name, (a, b) -> a));
	}

	String agentName(long id) {
		return identity.agent(id).map(AgentView::name).orElse("#" + id);
	}

	String accountName(long id) {
		return accounts.account(id).map(AccountView::name).orElse("#" + id);
	}

}
