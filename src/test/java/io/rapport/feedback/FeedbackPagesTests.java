package io.rapport.feedback;

import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.feedback.FeedbackApi.NewTopic;
import io.rapport.feedback.FeedbackApi.TopicChange;
import io.rapport.feedback.FeedbackApi.TopicView;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages' forms: linking from the ticket page, bad input shown as a message, notifying from the topic page. */
class FeedbackPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Autowired
	FeedbackApi feedback;

	@Test
	void shouldLinkFromTheTicketPageAndShowMessagesForBadInput() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		TicketView request = tickets.create(new NewTicket("Mango sync", "Please sync mangos.", null,
				TicketType.FEATURE_REQUEST, null, null, List.of()), fixtures.aCustomer().user());
		TopicView topic = feedback.create(new NewTopic("Mango sync", null), agent.user());

		mvc.perform(post("/feedback/tickets/" + request.id() + "/link").param("topicId", "abc").with(csrf())
			.with(signedInAs(agent))).andExpect(flash().attribute("feedbackError", containsString("topic")));
		mvc.perform(post("/feedback/tickets/" + request.id() + "/link").with(csrf()).with(signedInAs(agent)))
			.andExpect(redirectedUrl("/tickets/" + request.id()))
			.andExpect(flash().attribute("feedbackError", containsString("topic")));
		mvc.perform(post("/feedback/tickets/" + request.id() + "/start").param("title", " ").with(csrf())
			.with(signedInAs(agent)))
			.andExpect(flash().attribute("feedbackError", containsString("title")));
		mvc.perform(post("/feedback/tickets/" + request.id() + "/link").param("topicId", String.valueOf(topic.id()))
			.with(csrf()).with(signedInAs(agent)))
			.andExpect(redirectedUrl("/tickets/" + request.id()))
			.andExpect(flash().attribute("feedbackNotice", containsString("Mango sync")));

		assertThat(feedback.topicOf(request.id(), agent.user())).map(TopicView::id).contains(topic.id());
	}

	@Test
	void shouldNotifyFromTheTopicPageOnce() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		TicketView request = tickets.create(new NewTicket("Papaya mode", "Papaya mode please.", null,
				TicketType.FEATURE_REQUEST, null, null, List.of()), fixtures.aCustomer().user());
		TopicView topic = feedback.create(new NewTopic("Papaya mode", null), agent.user());
		feedback.link(request.id(), topic.id(), agent.user());

		mvc.perform(post("/feedback/topics/" + topic.id()).param("state", "SHIPPED")
			.param("version", String.valueOf(topic.version())).with(csrf()).with(signedInAs(agent)))
			.andExpect(flash().attribute("notice", containsString("Papaya mode")));
		mvc.perform(get("/feedback/topics/" + topic.id()).with(signedInAs(agent)))
			.andExpect(content().string(containsString("Good news: “Papaya mode” is now available.")));
		mvc.perform(post("/feedback/topics/" + topic.id() + "/notify").param("message", "Papaya mode shipped.")
			.with(csrf()).with(signedInAs(agent)))
			.andExpect(flash().attribute("notice", "Replies posted: 1. Already told before: 0. Closed tickets skipped: 0."));
		mvc.perform(post("/feedback/topics/" + topic.id() + "/notify").param("message", "Papaya mode shipped.")
			.with(csrf()).with(signedInAs(agent)))
			.andExpect(flash().attribute("notice", "Replies posted: 0. Already told before: 1. Closed tickets skipped: 0."));
		mvc.perform(post("/feedback/topics/" + topic.id()).param("state", "LATER").with(csrf()).with(signedInAs(agent)))
			.andExpect(flash().attribute("error", containsString("OPEN, PLANNED")));
		feedback.change(topic.id(), new TopicChange(null, null, TopicState.OPEN, null), agent.user());
	}
}
