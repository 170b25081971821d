package io.rapport.demo;

import java.util.List;
import java.util.Set;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.feedback.FeedbackApi;
import io.rapport.feedback.FeedbackApi.RankedTopic;
import io.rapport.feedback.TopicState;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's product feedback: its topics, the scripted tickets linked, one topic shipped and its requesters told. */
class DemoFeedbackTests extends IntegrationTest {

	@Autowired
	DemoFeedback demo;

	@Autowired
	FeedbackApi feedback;

	@Autowired
	TicketsApi tickets;

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldGroupTheDemoTicketsIntoTopicsAndShipOne() {
		Person agent = fixtures.anAgentIn("tier1");
		for (int i = 0; i < 3; i++) {
			tickets.create(new NewTicket("Custom fields on cards", "Could we add our own fields to cards?", null,
					TicketType.FEATURE_REQUEST, null, null, List.of()), fixtures.aCustomer().user());
			tickets.create(new NewTicket("Data loss after sync", "Due dates were wiped.", null, TicketType.COMPLAINT,
					null, null, List.of()), fixtures.aCustomer().user());
		}

		DemoFeedback.Result result = demo.create(agent.email());

		assertThat(result.topics()).isEqualTo(10);
		assertThat(result.linked()).isGreaterThanOrEqualTo(5);
		assertThat(result.notified().posted()).isGreaterThanOrEqualTo(2);
		List<RankedTopic> ranked = feedback.ranking(Set.of(), Set.of(), agent.user());
		assertThat(ranked).filteredOn(r -> r.topic().title().equals("Custom fields on cards")
				&& r.topic().state() == TopicState.SHIPPED)
			.anySatisfy(r -> {
				assertThat(r.topic().notifiedAt()).isNotNull();
				assertThat(r.tickets()).isGreaterThanOrEqualTo(2);
			});
		assertThat(ranked).anyMatch(r -> r.topic().title().equals("Calendar sync must never clear due dates")
				&& r.topic().state() == TopicState.PLANNED && r.complaints() >= 2);
	}
}
