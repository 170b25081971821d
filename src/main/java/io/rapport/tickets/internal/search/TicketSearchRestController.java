package io.rapport.tickets.internal.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.Channel;
import io.rapport.tickets.TicketSearch;
import io.rapport.tickets.TicketSearch.Hit;
import io.rapport.tickets.TicketSearch.Hits;
import io.rapport.tickets.TicketStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/search/tickets}: full-text ticket search for agents, and for customers over their own. */
@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Full-text search")
class TicketSearchRestController {

	private final TicketSearch search;

	private final IdentityApi identity;

	TicketSearchRestController(TicketSearch search, IdentityApi identity) {
		this.search = search;
		this.identity = identity;
	}

	@Operation(summary = "Search tickets by the words of their subject and conversation, with filters")
	@GetMapping("/tickets")
	@ApiResponse(responseCode = "200", description = "Agents get every field; customers their own tickets, fewer fields",
			content = @Content(schema = @Schema(oneOf = { AgentResults.class, CustomerResults.class })))
	Object search(@CurrentUser AuthenticatedUser user, Locale locale,
			@RequestParam(required = false) @Size(max = 500) String q,
			@RequestParam(required = false) Set<TicketStatus> status,
			@RequestParam(required = false) @Size(max = 50) String group,
			@RequestParam(required = false) @Size(max = 20) String assignee,
			@RequestParam(required = false) Long requester, @RequestParam(required = false) Long account,
			@RequestParam(required = false) List<@Size(max = 50) String> tag,
			@RequestParam(required = false) Set<Channel> channel,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(9_999) int page,
			@RequestParam(defaultValue = "25") @Min(1) @Max(100) int size) {
		SearchParams.Assignee who = SearchParams.assignee(assignee, user);
		Hits hits = search.search(new TicketSearch.Query(q, status, group, who.id(), who.none(), requester, account,
				tag, channel, from, to, locale.toLanguageTag(), page, size), user);
		if (!user.isAgent()) {
			return new CustomerResults(hits.total(), hits.page(), hits.size(),
					hits.items().stream().map(CustomerItem::of).toList());
		}
		Map<Long, String> groups = identity.groups().stream()
			.collect(Collectors.toMap(GroupView::id, GroupView::key));
		return new AgentResults(hits.total(), hits.page(), hits.size(),
				hits.items().stream().map(hit -> AgentItem.of(hit, groups)).toList());
	}

	record AgentResults(long total, int page, int size, List<AgentItem> items) {
	}

	record CustomerResults(long total, int page, int size, List<CustomerItem> items) {
	}

	/** A hit for agents; {@code snippet} is safe HTML with the matched words in {@code <mark>}. */
	record AgentItem(long ticketId, long number, String subject, TicketStatus status, String snippet, float score,
			String language, Instant createdAt, Instant updatedAt, long requesterId, Long accountId, Long assigneeId,
			String group, Channel channel, List<String> tags) {

		static AgentItem of(Hit hit, Map<Long, String> groups) {
			return new AgentItem(hit.ticketId(), hit.number(), hit.subject(), hit.status(), hit.snippet(), hit.score(),
					hit.language(), hit.createdAt(), hit.updatedAt(), hit.requesterId(), hit.accountId(),
					hit.assigneeId(), groups.get(hit.groupId()), hit.channel(), hit.tags());
		}
	}

	/** A hit for the customer who asked: their own ticket, without the team's working data. */
	record CustomerItem(long ticketId, long number, String subject, TicketStatus status, String snippet, float score,
			Instant createdAt, Instant updatedAt) {

		static CustomerItem of(Hit hit) {
			return new CustomerItem(hit.ticketId(), hit.number(), hit.subject(), hit.status(), hit.snippet(),
					hit.score(), hit.createdAt(), hit.updatedAt());
		}
	}
}
