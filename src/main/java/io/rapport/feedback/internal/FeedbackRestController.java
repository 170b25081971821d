package io.rapport.feedback.internal;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.rapport.feedback.FeedbackApi;
import io.rapport.feedback.FeedbackApi.FeedbackTicket;
import io.rapport.feedback.FeedbackApi.NewTopic;
import io.rapport.feedback.FeedbackApi.NoticeResult;
import io.rapport.feedback.FeedbackApi.RankedTopic;
import io.rapport.feedback.FeedbackApi.Suggestion;
import io.rapport.feedback.FeedbackApi.TopicChange;
import io.rapport.feedback.FeedbackApi.TopicView;
import io.rapport.feedback.TopicState;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.PageResult;
import io.rapport.tickets.TicketType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Product feedback's API, for agents; customers get a 404 from every endpoint. */
@RestController
@Tag(name = "Product feedback", description = "Topics of feature requests and complaints, their ranking and links")
class FeedbackRestController {

	private final FeedbackApi feedback;

	FeedbackRestController(FeedbackApi feedback) {
		this.feedback = feedback;
	}

	@Operation(summary = "Topics ranked by tickets, then accounts; filter by `state` (repeatable) and `kind` (FEATURE_REQUEST or COMPLAINT)")
	@GetMapping("/api/v1/feedback/topics")
	List<TopicJson> topics(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) Set<TopicState> state,
			@RequestParam(required = false) TicketType kind) {
		user.requireAgent();
		if (kind != null && !FeedbackApi.KINDS.contains(kind)) {
			throw InvalidInputException.of("kind", "errors.feedback.ticket-type");
		}
		return feedback.ranking(state == null ? Set.of() : EnumSet.copyOf(state),
				kind == null ? Set.of() : Set.of(kind), user).stream().map(TopicJson::of).toList();
	}

	@Operation(summary = "Start a topic: `title` (1-200 characters), optional `description`")
	@PostMapping("/api/v1/feedback/topics")
	ResponseEntity<TopicJson> create(@CurrentUser AuthenticatedUser user, @RequestBody TopicInput input) {
		user.requireAgent();
		TopicView topic = feedback.create(new NewTopic(input.title(), input.description()), user);
		return ResponseEntity.created(URI.create("/api/v1/feedback/topics/" + topic.id()))
			.body(TopicJson.of(topic));
	}

	@Operation(summary = "A topic with its counts and its tickets (the customers' own words in `words`)")
	@GetMapping("/api/v1/feedback/topics/{id}")
	TopicDetail topic(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAgent();
		TopicView topic = feedback.topic(id, user);
		RankedTopic counts = feedback.ranking(Set.of(topic.state()), Set.of(), user).stream()
			.filter(r -> r.topic().id() == id).findFirst()
			.orElse(new RankedTopic(topic, 0, 0, 0, 0, 0, 0, 0));
		return new TopicDetail(TopicJson.of(counts), feedback.ticketsOf(id, user).stream().map(TicketJson::of).toList());
	}

	@Operation(summary = "Change a topic's title, description or state (OPEN, PLANNED, SHIPPED, DECLINED); `version` guards against lost updates")
	@PatchMapping("/api/v1/feedback/topics/{id}")
	TopicJson change(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestBody TopicPatch patch) {
		user.requireAgent();
		return TopicJson.of(feedback.change(id,
				new TopicChange(patch.title(), patch.description(), patch.state(), patch.version()), user));
	}

	@Operation(summary = "Post `message` as a public reply on every linked ticket of a shipped topic not told yet; closed tickets are skipped")
	@PostMapping("/api/v1/feedback/topics/{id}/notify")
	NoticeResult notifyRequesters(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestBody NotifyInput input) {
		user.requireAgent();
		return feedback.notifyRequesters(id, input.message(), user);
	}

	@Operation(summary = "Feature requests and complaints in no topic yet, newest first")
	@GetMapping("/api/v1/feedback/unsorted")
	PageResult<TicketJson> unsorted(@CurrentUser AuthenticatedUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		user.requireAgent();
		return feedback.unsorted(page, size, user).map(TicketJson::of);
	}

	@Operation(summary = "The ticket's topic (or null) and the topics suggested for it")
	@GetMapping("/api/v1/tickets/{id}/feedback-topic")
	TicketTopic ticketTopic(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAgent();
		List<Suggestion> suggestions = feedback.suggest(id, 5, user);
		return new TicketTopic(id, feedback.topicOf(id, user).map(TopicJson::of).orElse(null),
				suggestions.stream().map(s -> TopicJson.of(s.topic())).toList());
	}

	@Operation(summary = "Link a feature request or complaint to a topic `{topicId}`, moving it from any other (one topic per ticket)")
	@PutMapping("/api/v1/tickets/{id}/feedback-topic")
	TicketJson link(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestBody LinkInput input) {
		user.requireAgent();
		if (input.topicId() == null) {
			throw InvalidInputException.of("topicId", "errors.feedback.topic-required");
		}
		return TicketJson.of(feedback.link(id, input.topicId(), user));
	}

	@Operation(summary = "Take the ticket out of its topic (it is unsorted again)")
	@DeleteMapping("/api/v1/tickets/{id}/feedback-topic")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlink(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAgent();
		feedback.unlink(id, user);
	}

	record TopicInput(String title, String description) {
	}

	record TopicPatch(String title, String description, TopicState state, Long version) {
	}

	record LinkInput(Long topicId) {
	}

	record NotifyInput(String message) {
	}

	record TopicJson(long id, String title, String description, TopicState state, long createdBy, Instant createdAt,
			Instant updatedAt, Instant stateChangedAt, Instant notifiedAt, long version, Long tickets, Long accounts,
			Long customers, Long requests, Long complaints, Long lastPeriod, Long periodBefore, Long trend) {

		static TopicJson of(TopicView t) {
			return new TopicJson(t.id(), t.title(), t.description(), t.state(), t.createdBy(), t.createdAt(),
					t.updatedAt(), t.stateChangedAt(), t.notifiedAt(), t.version(), null, null, null, null, null, null,
					null, null);
		}

		static TopicJson of(RankedTopic r) {
			TopicView t = r.topic();
			return new TopicJson(t.id(), t.title(), t.description(), t.state(), t.createdBy(), t.createdAt(),
					t.updatedAt(), t.stateChangedAt(), t.notifiedAt(), t.version(), r.tickets(), r.accounts(),
					r.customers(), r.requests(), r.complaints(), r.lastPeriod(), r.periodBefore(), r.trend());
		}
	}

	record TicketJson(long ticketId, long number, TicketType type, long requesterId, Long accountId,
			Instant createdAt, String words, Long topicId, Instant linkedAt) {

		static TicketJson of(FeedbackTicket t) {
			return new TicketJson(t.ticketId(), t.number(), t.type(), t.requesterId(), t.accountId(), t.createdAt(),
					t.words(), t.topicId(), t.linkedAt());
		}
	}

	record TopicDetail(TopicJson topic, List<TicketJson> tickets) {
	}

	record TicketTopic(long ticketId, TopicJson topic, List<TopicJson> suggestions) {
	}
}
