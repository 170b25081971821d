package io.rapport.tickets.internal;

import java.util.List;
import java.util.Locale;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.tickets.Channel;
import io.rapport.tickets.InboundMessage;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketIntake;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The agent's ticket page and API with what a mail brings: pictures, quotes, automatic replies, CCs, annotations. */
class EmailMessagePagesTests extends IntegrationTest {

	static final String REMOTE = "https://tracker.example/pixel.png";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketsApi tickets;

	@Autowired
	StubAnnotations annotations;

	@AfterEach
	void forgetAnnotatedTickets() {
		annotations.tickets.clear();
	}

	long aMail(String body, boolean autoReply, String quoted) {
		return intake.receive(new InboundMessage("email:support@rapport.test", "<" + System.nanoTime() + "@m>",
				Channel.EMAIL, null, Fixtures.uniqueEmail("mara", "pop.example"), "Mara", null, "Pictures", body,
				NewMessage.BodyFormat.HTML, List.of(), null, List.of(), autoReply, null, quoted, null)).ticketId();
	}

	@Test
	void shouldBlockRemotePicturesUntilTheAgentLoadsThemForThatMessage() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		long id = aMail("<p>Look <img src=\"" + REMOTE + "\" alt=\"x\"><img src=\"data:image/png;base64,AAAA\"></p>",
				false, null);
		long messageId = tickets.messages(id, agent.user()).get(0).id();

		mvc.perform(get("/tickets/{id}", id).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(REMOTE))))
			.andExpect(content().string(containsString("Remote image blocked")))
			.andExpect(content().string(containsString("data:image/png;base64,AAAA")))
			.andExpect(content().string(containsString("remoteImages=" + messageId)))
			.andExpect(header().string("Content-Security-Policy", containsString("img-src 'self' data:;")));

		mvc.perform(get("/tickets/{id}", id).param("remoteImages", String.valueOf(messageId)).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("src=\"" + REMOTE + "\"")))
			.andExpect(content().string(not(containsString("Remote image blocked"))))
			.andExpect(header().string("Content-Security-Policy",
					containsString("img-src 'self' data: https://tracker.example;")));
	}

	@Test
	void shouldShowTheQuotedPartCollapsedAndMarkAnAutomaticReply() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		long id = aMail("<p>I am away.</p>", true, "<blockquote>Earlier words</blockquote>");

		mvc.perform(get("/tickets/{id}", id).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<summary>Show quoted text</summary>")))
			.andExpect(content().string(containsString("Earlier words")))
			.andExpect(content().string(containsString("data-auto-reply>Automatic reply</span>")));
	}

	@Test
	void shouldShowEachModulesLinesUnderTheirMessageWithTheActionsToken() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		long id = aMail("<p>Hello</p>", false, null);
		annotations.tickets.add(id);
		long messageId = tickets.messages(id, agent.user()).get(0).id();
		int before = annotations.calls.get();

		mvc.perform(get("/tickets/{id}", id).with(signedInAs(agent)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sent to ana@pop.example (en)")))
			.andExpect(content().string(containsString("class=\"tone-success\"")))
			.andExpect(content().string(containsString("href=\"/stub/original/" + messageId + "\"")))
			.andExpect(content().string(containsString("action=\"/stub/retry/" + messageId + "\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString(">Retry</button>")));
		assertThat(annotations.calls.get() - before).isEqualTo(1);
	}

	@Test
	void shouldEditTheCopiedAddressesOnThePageAndThroughTheApi() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = fixtures.aTicket();

		mvc.perform(post("/tickets/{id}", ticket.id()).param("version", String.valueOf(ticket.version()))
			.param("ccs", "Lars@Pop.example, ioana@pop.example").with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isFound());
		TicketView after = tickets.get(ticket.id(), agent.user());
		assertThat(after.ccs()).containsExactly("ioana@pop.example", "lars@pop.example");
		mvc.perform(get("/tickets/{id}", ticket.id()).with(signedInAs(agent)))
			.andExpect(content().string(containsString("ioana@pop.example, lars@pop.example</textarea>")));

		mvc.perform(patch("/api/v1/tickets/{id}", ticket.id()).header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"ccs\": [\"nope\"], \"version\": " + after.version() + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ccs"));
		mvc.perform(patch("/api/v1/tickets/{id}", ticket.id()).header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"ccs\": [\"Zed@pop.example\"], \"version\": " + after.version() + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ccs[0]").value("zed@pop.example"));
		mvc.perform(get("/api/v1/tickets/{id}", ticket.id()).header("Authorization", agent.bearer()))
			.andExpect(jsonPath("$.ccs.length()").value(1));
	}

	@Test
	void shouldTakeFiftyLongAddressesAndKeepTheirChangeInTheHistory() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = fixtures.aTicket();
		String addresses = java.util.stream.IntStream.range(0, 50)
			.mapToObj(i -> "\"a-rather-long-mailbox-name-number-" + i + "@customer-domain.example\"")
			.collect(java.util.stream.Collectors.joining(","));

		mvc.perform(patch("/api/v1/tickets/{id}", ticket.id()).header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"ccs\": [" + addresses + "], \"version\": " + ticket.version() + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ccs.length()").value(50));
		assertThat(tickets.history(ticket.id(), agent.user())).anySatisfy(c -> assertThat(c.field()).isEqualTo("ccs"));
	}
}
