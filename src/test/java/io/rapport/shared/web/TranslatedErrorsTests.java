package io.rapport.shared.web;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Domain errors reach people in their language: API problems and portal pages alike. */
class TranslatedErrorsTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Test
	void shouldAnswerApiProblemsInTheRequestedLanguage() throws Exception {
		String agent = fixtures.anAgentIn("tier1").bearer();

		mvc.perform(get("/api/v1/agents/987654321").header("Authorization", agent))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no agent 987654321."));
		mvc.perform(get("/api/v1/agents/987654321").header("Authorization", agent).header("Accept-Language", "zh-CN"))
			.andExpect(jsonPath("$.detail").value("没有编号为 987654321 的客服人员。"));
		mvc.perform(post("/api/v1/contacts").header("Authorization", agent).header("Accept-Language", "ro")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"ro-" + System.nanoTime() + "@example.org\", \"accountId\": 987654321}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"))
			.andExpect(jsonPath("$.detail").value("Nu există contul 987654321."));
		mvc.perform(post("/api/v1/contacts").header("Authorization", agent).header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"a@example.org\", \"name\": \"A\\u0000\"}"))
			.andExpect(jsonPath("$.detail").value("name 不得包含 NUL 字符或损坏的 Unicode"));
		mvc.perform(get("/api/v1/contacts").param("q", "a\u0000").header("Authorization", agent)
			.header("Accept-Language", "ro"))
			.andExpect(jsonPath("$.errors[0].detail").value("nu poate conține caractere NUL sau Unicode deteriorat"));
		mvc.perform(get("/api/v1/nope").header("Authorization", agent).header("Accept-Language", "eo"))
			.andExpect(jsonPath("$.detail").value("Estas nenio ĉe /api/v1/nope."));
	}

	@Test
	void shouldShowTheAttachmentErrorOnThePortalInChineseAndRomanian() throws Exception {
		Fixtures.Person customer = fixtures.aCustomer();
		long ticket = fixtures.aTicketFrom(customer, "Files please").id();

		MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("origin", "portal")
			.param("email", customer.email()).param("password", Fixtures.PASSWORD))
			.andReturn().getRequest().getSession(false);

		mvc.perform(reply(session, ticket).header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("setup.exe：不能附加程序和脚本。")));
		mvc.perform(reply(session, ticket).header("Accept-Language", "ro-RO"))
			.andExpect(content().string(containsString("setup.exe: programele și scripturile nu pot fi atașate.")));
	}

	@Test
	void shouldAnswerATicketErrorInTheRequestedLanguageNamingTheField() throws Exception {
		String agent = fixtures.anAgentIn("tier1").bearer();
		TicketView ticket = fixtures.aTicket();

		mvc.perform(post("/api/v1/tickets/" + ticket.id() + "/escalations").header("Authorization", agent)
			.header("Accept-Language", "ro").contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\": \"tier1\", \"reason\": \"Wrong queue\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Tichetul este deja în tier1."))
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].detail").value("Tichetul este deja în tier1."));
		mvc.perform(get("/api/v1/tickets/987654321").header("Authorization", agent).header("Accept-Language", "eo"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Ne ekzistas bileto 987654321."));
		mvc.perform(post("/api/v1/tickets/" + ticket.id() + "/escalations").header("Authorization", agent)
			.contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"tier1\", \"reason\": \"Wrong queue\"}"))
			.andExpect(jsonPath("$.detail").value("The ticket is already in tier1."));
	}

	@Test
	void shouldShowATicketErrorOnTheWorkspaceInTheAgentsProfileLanguage() throws Exception {
		Fixtures.Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = fixtures.aTicket();
		mvc.perform(post("/profile").param("name", "Wei Zhang").param("language", "zh").param("timeZone", "UTC")
			.with(csrf()).with(signedInAs(agent)));

		mvc.perform(post("/tickets/" + ticket.id() + "/escalations").param("to", "tier1").param("reason", "Wrong queue")
			.header("Accept-Language", "ro").with(csrf()).with(signedInAs(agent)))
			.andExpect(content().string(containsString("该工单已在 tier1 中。")));
	}

	@Test
	void shouldSayWhyABulkChangeSkippedATicketInTheReadersLanguage() throws Exception {
		Fixtures.Person agent = fixtures.anAgentIn("tier1");
		TicketView open = fixtures.aTicket();
		TicketView closed = fixtures.aTicket();
		TicketView solved = tickets.update(closed.id(),
				new TicketUpdate(TicketStatus.SOLVED, null, null, null, null, null, closed.version()), agent.user());
		tickets.update(closed.id(), new TicketUpdate(TicketStatus.CLOSED, null, null, null, null, null, solved.version()),
				agent.user());

		mvc.perform(post("/tickets/bulk").param("ids", String.valueOf(open.id()), String.valueOf(closed.id()))
			.param("priority", "HIGH").param("back", "/tickets").header("Accept-Language", "ro")
			.with(csrf()).with(signedInAs(agent)))
			.andExpect(flash().attribute("bulkSkipped",
					contains(containsString("Tichetul " + closed.number() + " este închis."))));
	}

	private static org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> reply(MockHttpSession session, long ticket) {
		return multipart("/portal/tickets/" + ticket + "/replies")
			.file(new MockMultipartFile("files", "setup.exe", "application/octet-stream", new byte[] { 1, 2, 3 }))
			.param("body", "Here it is").session(session).with(csrf());
	}
}
