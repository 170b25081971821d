package io.rapport.notifications;

import java.util.List;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class NotificationPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	NotificationsApi notifications;

	@Autowired
	TicketFollowers followers;

	@Autowired
	Fixtures fixtures;

	Person ana;

	TicketView ticket;

	@BeforeEach
	void anAgentWithATicket() {
		ana = fixtures.anAgentIn("tier1");
		ticket = fixtures.aTicket();
	}

	@Test
	void shouldShowTheUnreadCountOnTheBellInTheTopBar() throws Exception {
		tell(ana, "one");
		tell(ana, "two");

		mvc.perform(get("/tickets").with(signedInAs(ana)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"notification-bell\"")))
			.andExpect(content().string(containsString("<span class=\"bell-count\">2</span>")));
		mvc.perform(get("/notifications/bell").with(signedInAs(ana)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Notifications, 2 unread")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void shouldListNotificationsWithTheirTextAndOpenOneAsRead() throws Exception {
		tell(ana, "open-me");

		mvc.perform(get("/notifications").with(signedInAs(ana)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lars assigned you #" + ticket.number() + " “Printer on fire”")))
			.andExpect(content().string(containsString("is-unread")))
			.andExpect(content().string(containsString("1 unread")));
		long id = notifications.page(ana.id(), false, 0, 1).items().get(0).id();

		mvc.perform(get("/notifications/{id}/open", id).with(signedInAs(ana)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/tickets/" + ticket.id()));
		assertThat(notifications.unreadCount(ana.id())).isZero();
	}

	@Test
	void shouldNotOpenAnotherAgentsNotification() throws Exception {
		Person lars = fixtures.anAgentIn("tier1");
		tell(lars, "not-yours");
		long id = notifications.page(lars.id(), false, 0, 1).items().get(0).id();

		mvc.perform(get("/notifications/{id}/open", id).with(signedInAs(ana))).andExpect(status().isNotFound());
		assertThat(notifications.unreadCount(lars.id())).isEqualTo(1);
	}

	@Test
	void shouldMarkOneOrAllRead() throws Exception {
		tell(ana, "a");
		tell(ana, "b");
		tell(ana, "c");
		long id = notifications.page(ana.id(), false, 0, 1).items().get(0).id();

		mvc.perform(post("/notifications/{id}/read", id).with(csrf()).with(signedInAs(ana)))
			.andExpect(status().isFound());
		assertThat(notifications.unreadCount(ana.id())).isEqualTo(2);

		mvc.perform(post("/notifications/read-all").with(csrf()).with(signedInAs(ana)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/notifications"));
		assertThat(notifications.unreadCount(ana.id())).isZero();
	}

	@Test
	void shouldFollowAndUnfollowFromTheTicketPage() throws Exception {
		mvc.perform(get("/tickets/{id}", ticket.id()).with(signedInAs(ana)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"follow\"")))
			.andExpect(content().string(containsString("data-mentions-url=\"/notifications/mentionable-agents\"")));

		mvc.perform(post("/tickets/{id}/follow", ticket.id()).param("follow", "true").header("HX-Request", "true")
			.with(csrf()).with(signedInAs(ana)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-pressed=\"true\"")))
			.andExpect(content().string(containsString("1 follower")));
		assertThat(followers.followers(ticket.id())).containsExactly(ana.id());

		mvc.perform(post("/tickets/{id}/follow", ticket.id()).param("follow", "false").with(csrf()).with(signedInAs(ana)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/tickets/" + ticket.id()));
		assertThat(followers.followers(ticket.id())).isEmpty();
	}

	@Test
	void shouldNotFollowATicketThatDoesNotExist() throws Exception {
		mvc.perform(post("/tickets/{id}/follow", 987_654_321L).with(csrf()).with(signedInAs(ana)))
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldOfferMatchingActiveAgentsToMention() throws Exception {
		Person lars = fixtures.anAgentIn("tier2");
		String localPart = lars.email().substring(0, lars.email().indexOf('@'));

		mvc.perform(get("/notifications/mentionable-agents").param("q", "@" + localPart.toUpperCase())
			.with(signedInAs(ana)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(lars.id()))
			.andExpect(jsonPath("$[0].handle").value(localPart));
		mvc.perform(get("/api/v1/mentionable-agents").param("q", localPart).header("Authorization", ana.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].email").value(lars.email()));
	}

	@Test
	void shouldAnswer404ToCustomers() throws Exception {
		Person customer = fixtures.aCustomer();

		mvc.perform(get("/api/v1/mentionable-agents").param("q", "a").header("Authorization", customer.bearer()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/notifications").header("Authorization", customer.bearer()))
			.andExpect(status().isNotFound());
		mvc.perform(put("/api/v1/tickets/{id}/followers/me", ticket.id()).header("Authorization", customer.bearer()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/notifications/mentionable-agents").param("q", "a").with(signedInAs(customer)))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldServeNotificationsAndFollowingThroughTheApi() throws Exception {
		tell(ana, "api");

		mvc.perform(get("/api/v1/notifications").header("Authorization", ana.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].text").value("Lars assigned you #" + ticket.number() + " “Printer on fire”"))
			.andExpect(jsonPath("$.items[0].link").value("/tickets/" + ticket.id()));
		mvc.perform(get("/api/v1/notifications/unread-count").header("Authorization", ana.bearer()))
			.andExpect(jsonPath("$.unread").value(1));
		mvc.perform(post("/api/v1/notifications/read-all").header("Authorization", ana.bearer()))
			.andExpect(jsonPath("$.marked").value(1));

		mvc.perform(put("/api/v1/tickets/{id}/followers/me", ticket.id()).header("Authorization", ana.bearer()))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/tickets/{id}/followers", ticket.id()).header("Authorization", ana.bearer()))
			.andExpect(jsonPath("$[0]").value(ana.id()));
		mvc.perform(delete("/api/v1/tickets/{id}/followers/me", ticket.id()).header("Authorization", ana.bearer()))
			.andExpect(status().isNoContent());
		assertThat(followers.followers(ticket.id())).isEmpty();
	}

	private void tell(Person agent, String dedup) {
		notifications.notify(NewNotification.aboutTicket(agent.id(), "assigned", ticket.id(), "notification.assigned",
				List.of("Lars", String.valueOf(ticket.number()), "Printer on fire"), dedup));
	}
}
