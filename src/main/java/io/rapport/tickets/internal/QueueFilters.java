package io.rapport.tickets.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.tickets.Channel;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketSort;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filter bar of a queue as it travels in the URL ({@code ?view=all&status=OPEN&priority=HIGH&assignee=me
 * &sort=-updated}) and in a saved view. It narrows the queue's own filter: a status or assignee chosen here
 * replaces the queue's. Values that do not parse are ignored, as a hand-edited URL should not fail.
 */
public record QueueFilters(String view, String group, Set<TicketStatus> statuses, Set<TicketPriority> priorities,
		Set<TicketType> types, Set<Channel> channels, String assignee, String tags, Long account, Long requester,
		LocalDate createdFrom, LocalDate createdTo, LocalDate updatedFrom, LocalDate updatedTo, String q,
		TicketSort sort, Long saved, Boolean answered, LocalDate solvedFrom, LocalDate solvedTo) {

	static final List<String> PARAMS = List.of("view", "group", "status", "priority", "type", "channel", "assignee",
			"tags", "account", "requester", "created_from", "created_to", "updated_from", "updated_to", "q", "sort",
			"saved", "answered", "solved_from", "solved_to");

	static QueueFilters parse(MultiValueMap<String, String> params) {
		return new QueueFilters(text(params, "view", 20), text(params, "group", 50),
				enums(TicketStatus.class, params.get("status")), enums(TicketPriority.class, params.get("priority")),
				enums(TicketType.class, params.get("type")), enums(Channel.class, params.get("channel")),
				text(params, "assignee", 20), text(params, "tags", 500), number(params, "account"),
				number(params, "requester"), date(params, "created_from"), date(params, "created_to"),
				date(params, "updated_from"), date(params, "updated_to"), text(params, "q", 200),
				TicketSort.parse(params.getFirst("sort")), number(params, "saved"), yesNo(params, "answered"),
				date(params, "solved_from"), date(params, "solved_to"));
	}

	/** Whether the URL says more than which saved view to open (and which page): then the URL wins. */
	static boolean narrows(MultiValueMap<String, String> params) {
		return params.keySet().stream().anyMatch(name -> PARAMS.contains(name) && !"saved".equals(name));
	}

	QueueFilters savedAs(long id) {
		return new QueueFilters(view, group, statuses, priorities, types, channels, assignee, tags, account,
				requester, createdFrom, createdTo, updatedFrom, updatedTo, q, sort, id, answered, solvedFrom, solvedTo);
	}

	/** The query string to store for a saved view: the filters without the view's own id. */
	public String toSave() {
		return new QueueFilters(view, group, statuses, priorities, types, channels, assignee, tags, account,
				requester, createdFrom, createdTo, updatedFrom, updatedTo, q, sort, null, answered, solvedFrom, solvedTo)
			.query();
	}

	/** A saved view's query string, read exactly as if it came in the URL. */
	static QueueFilters parse(String query) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		for (String pair : (query == null ? "" : query).split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				params.add(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
			}
		}
		return parse(params);
	}

	TicketFilter apply(TicketFilter base, AuthenticatedUser user) {
		Long assigneeId = base.assigneeId();
		boolean unassigned = base.unassigned();
		if ("me".equals(assignee)) {
			assigneeId = user.id();
			unassigned = false;
		}
		else if ("unassigned".equals(assignee)) {
			assigneeId = null;
			unassigned = true;
		}
		else if (assignee != null && assignee.matches("\\d{1,18}")) {
			assigneeId = Long.parseLong(assignee);
			unassigned = false;
		}
		return new TicketFilter(statuses.isEmpty() ? base.statuses() : statuses, base.groupIds(), assigneeId,
				unassigned, requester, account, base.tag(), base.text(), orNull(priorities), orNull(types),
				orNull(channels), tagSet(), start(createdFrom), end(createdTo), start(updatedFrom), end(updatedTo),
				answered, start(solvedFrom), end(solvedTo));
	}

	/** The query string of these filters (without the page), for links, the sort headers and saved views. */
	public String query() {
		return UriComponentsBuilder.newInstance().queryParams(params()).encode().build().getQuery();
	}

	/** The same filters with another sort, for a column header's link. */
	public String withSort(String column) {
		MultiValueMap<String, String> params = params();
		params.set("sort", sort.toggle(column));
		return "/tickets?" + UriComponentsBuilder.newInstance().queryParams(params).encode().build().getQuery();
	}

	public String withPage(int page) {
		String query = query();
		return "/tickets?" + (query == null || query.isEmpty() ? "" : query + "&") + "page=" + page;
	}

	/** How many filters the bar adds to the queue (shown on the "Filters" button). */
	public int count() {
		return statuses.size() + priorities.size() + types.size() + channels.size() + (assignee == null ? 0 : 1)
				+ (tags == null ? 0 : 1) + (account == null ? 0 : 1) + (requester == null ? 0 : 1)
				+ (createdFrom == null ? 0 : 1) + (createdTo == null ? 0 : 1) + (updatedFrom == null ? 0 : 1)
				+ (updatedTo == null ? 0 : 1) + (answered == null ? 0 : 1) + (solvedFrom == null ? 0 : 1)
				+ (solvedTo == null ? 0 : 1);
	}

	public boolean has(Object value) {
		return statuses.contains(value) || priorities.contains(value) || types.contains(value)
				|| channels.contains(value);
	}

	private MultiValueMap<String, String> params() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		put(params, "view", group == null ? view : null);
		put(params, "group", group);
		statuses.forEach(s -> params.add("status", s.name()));
		priorities.forEach(p -> params.add("priority", p.name()));
		types.forEach(t -> params.add("type", t.name()));
		channels.forEach(c -> params.add("channel", c.name()));
		put(params, "assignee", assignee);
		put(params, "tags", tags);
		put(params, "account", account);
		put(params, "requester", requester);
		put(params, "created_from", createdFrom);
		put(params, "created_to", createdTo);
		put(params, "updated_from", updatedFrom);
		put(params, "updated_to", updatedTo);
		put(params, "q", q);
		put(params, "answered", answered == null ? null : answered ? "yes" : "no");
		put(params, "solved_from", solvedFrom);
		put(params, "solved_to", solvedTo);
		if (!sort.equals(TicketSort.newestChange())) {
			params.add("sort", sort.param());
		}
		put(params, "saved", saved);
		return params;
	}

	private Set<String> tagSet() {
		if (tags == null) {
			return null;
		}
		Set<String> set = new LinkedHashSet<>();
		Arrays.stream(tags.split(",")).map(t -> t.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_"))
			.filter(t -> !t.isEmpty()).forEach(set::add);
		return set.isEmpty() ? null : set;
	}

	private static void put(MultiValueMap<String, String> params, String name, Object value) {
		if (value != null) {
			params.add(name, value.toString());
		}
	}

	private static <T> Set<T> orNull(Set<T> values) {
		return values.isEmpty() ? null : values;
	}

	private static Instant start(LocalDate day) {
		return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static Instant end(LocalDate day) {
		return day == null ? null : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> values) {
		Set<E> set = EnumSet.noneOf(type);
		if (values != null) {
			for (String value : values) {
				for (String part : value.split(",")) {
					try {
						set.add(Enum.valueOf(type, part.strip().toUpperCase(Locale.ROOT)));
					}
					catch (IllegalArgumentException ignored) {
						// an unknown value in a hand-edited URL narrows nothing
					}
				}
			}
		}
		return set;
	}

	private static String text(MultiValueMap<String, String> params, String name, int max) {
		String value = params.getFirst(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		return stripped.length() > max ? stripped.substring(0, max) : stripped;
	}

	private static Long number(MultiValueMap<String, String> params, String name) {
		String value = text(params, name, 19);
		return value != null && value.matches("\\d{1,18}") ? Long.parseLong(value) : null;
	}

	private static LocalDate date(MultiValueMap<String, String> params, String name) {
		String value = text(params, name, 10);
		try {
			return value == null ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static Boolean yesNo(MultiValueMap<String, String> params, String name) {
		String value = text(params, name, 5);
		return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}
}
