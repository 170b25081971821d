package io.rapport.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rapport.feedback.FeedbackApi;
import io.rapport.feedback.FeedbackApi.FeedbackTicket;
import io.rapport.feedback.FeedbackApi.NewTopic;
import io.rapport.feedback.FeedbackApi.NoticeResult;
import io.rapport.feedback.FeedbackApi.TopicChange;
import io.rapport.feedback.FeedbackApi.TopicView;
import io.rapport.feedback.TopicState;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.Role;
import io.rapport.tickets.TicketLookup;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Brightlane's product feedback: ten topics, the demo's feature requests and complaints linked to the topic of
 * their subject (every sixth left unsorted, so the list has work in it), one topic planned, one declined, and one
 * shipped with every requester told.
 */
@Component
class DemoFeedback {

	/** Subject of the demo's scripted tickets → the topic they belong to. */
	private static final Map<String, String> TOPIC_OF = Map.of(
			"Dark mode, please!", "Dark mode",
			"Export Gantt chart as PDF", "Export the Gantt chart to PDF",
			"API rate limit too low for our integration", "Higher API rate limits for integrations",
			"Custom fields on cards", "Custom fields on cards",
			"Waited three days for an answer", "Faster first answers to support requests",
			"Price increase without notice", "Tell customers about price changes ahead of time",
			"Data loss after sync", "Calendar sync must never clear due dates");

	private static final List<String[]> TOPICS = List.of(
			new String[] { "Dark mode", "A dark theme for people who work late, in the web app and the mobile apps." },
			new String[] { "Export the Gantt chart to PDF", "Long timelines exported whole, for board meetings; printing cuts them off." },
			new String[] { "Higher API rate limits for integrations", "Nightly ERP and BI syncs hit 100 requests a minute." },
			new String[] { "Custom fields on cards", "Budget codes, client references and other fields of the customer's own." },
			new String[] { "Faster first answers to support requests", "Customers waited days for a first answer." },
			new String[] { "Tell customers about price changes ahead of time", "Renewal price changes reached customers too late, or not at all." },
			new String[] { "Calendar sync must never clear due dates", "An empty calendar field was read as \"no date\"." },
			new String[] { "Share boards with clients without an account", "A read-only client view, asked for by agencies." },
			new String[] { "Card comments in the CSV export", "The CSV export leaves out the comments." },
			new String[] { "Offline mode for the mobile app", "Edit cards without a connection and sync later." });

	private final FeedbackApi feedback;

	private final IdentityApi identity;

	private final TicketLookup tickets;

	private final MessageSource messages;

	DemoFeedback(FeedbackApi feedback, IdentityApi identity, TicketLookup tickets, MessageSource messages) {
		this.feedback = feedback;
		this.identity = identity;
		this.tickets = tickets;
		this.messages = messages;
	}

	record Result(int topics, int linked, long unsorted, NoticeResult notified) {
	}

	Result create(String agentEmail) {
		AuthenticatedUser agent = user(identity.agents().stream().filter(a -> a.email().equals(agentEmail))
			.findFirst().orElseThrow());
		AuthenticatedUser admin = user(identity.agents().stream().filter(a -> a.role() == Role.ADMIN).findFirst()
			.orElseThrow());
		feedback.rebuild(admin);
		Map<String, TopicView> topics = new LinkedHashMap<>();
		for (String[] t : TOPICS) {
			topics.put(t[0], feedback.create(new NewTopic(t[0], t[1]), agent));
		}
		List<FeedbackTicket> unsorted = new ArrayList<>();
		for (int page = 0;; page++) {
			List<FeedbackTicket> items = feedback.unsorted(page, 100, agent).items();
			unsorted.addAll(items);
			if (items.size() < 100) {
				break;
			}
		}
		int linked = 0;
		int seen = 0;
		for (FeedbackTicket ticket : unsorted) {
			String topic = TOPIC_OF.get(tickets.header(ticket.ticketId()).map(h -> h.subject()).orElse(""));
			if (topic != null && ++seen % 6 != 0) {
				feedback.link(ticket.ticketId(), topics.get(topic).id(), agent);
				linked++;
			}
		}
		state(topics.get("Calendar sync must never clear due dates"), TopicState.PLANNED, agent);
		state(topics.get("Offline mode for the mobile app"), TopicState.DECLINED, agent);
		TopicView shipped = state(topics.get("Custom fields on cards"), TopicState.SHIPPED, agent);
		NoticeResult told = feedback.notifyRequesters(shipped.id(), messages.getMessage("feedback.notify.prefill",
				new Object[] { shipped.title() }, Locale.ENGLISH), agent);
		return new Result(topics.size(), linked, feedback.unsortedCount(), told);
	}

	private TopicView state(TopicView topic, TopicState state, AuthenticatedUser agent) {
		return feedback.change(topic.id(), new TopicChange(null, null, state, null), agent);
	}

	private static AuthenticatedUser user(AgentView agent) {
		return AuthenticatedUser.agent(agent.id(), agent.email(), agent.name(), agent.role());
	}
}
