package io.rapport.portal;

import java.util.List;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.NewAgent;
import io.rapport.identity.Role;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PortalFlowTests extends IntegrationTest {

	private static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	TicketsApi tickets;

	@Autowired
	AccountsApi accounts;

	@Autowired
	IdentityApi identity;

	@Autowired
	MailState mailState;

	/** These flows are the portal without mail: sign-up signs in at once and refuses known addresses. */
	@BeforeEach
	void withoutMail() {
		mailState.withoutMail();
	}

	@AfterEach
	void restoreMail() {
		mailState.restore();
	}

	@Test
	void shouldSignUpSubmitARequestAndSeeIt() throws Exception {
		String ioana = Fixtures.uniqueEmail("ioana", "carpathia.example");
		MockHttpSession session = signUp("Ioana Popescu", ioana);
		mvc.perform(get("/portal").session(session)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("No requests yet")));

		long id = submit(session, "Export to CSV fails", "The export button does nothing.",
				new MockMultipartFile("files", "steps.txt", "text/plain", "1. click export".getBytes()));

		String page = page(session, "/portal/tickets/" + id);
		assertThat(page).contains("Export to CSV fails", "The export button does nothing.", "steps.txt",
				"Waiting for us", "Something is broken");
		assertThat(page(session, "/portal")).contains("Export to CSV fails", "Waiting for us");
		assertThat(tickets.get(id, customer(ioana)).channel())
			.isEqualTo(io.rapport.tickets.Channel.PORTAL);
	}

	@Test
	void shouldKeepThePortalLanguageOnTheContact() throws Exception {
		String email = Fixtures.uniqueEmail("mihai", "carpathia.example");
		mvc.perform(post("/portal/signup").with(csrf()).header("Accept-Language", "ro-RO,ro;q=0.9")
			.param("name", "Mihai Pop").param("email", email).param("password", PASSWORD))
			.andExpect(redirectedUrl("/portal?welcome"));
		assertThat(accounts.contactByEmail(email).orElseThrow().locale()).isEqualTo(java.util.Locale.forLanguageTag("ro"));
	}

	@Test
	void shouldSignInThroughThePortalLoginForm() throws Exception {
		String karthik = Fixtures.uniqueEmail("karthik", "kaveri.example");
		signUp("Karthik Subramanian", karthik);
		mvc.perform(formLogin("/login").userParameter("email").user(karthik).password(PASSWORD))
			.andExpect(redirectedUrl("/portal"));
		mvc.perform(formLogin("/login").userParameter("email").user(karthik).password("wrong-password"))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/portal")).andExpect(redirectedUrl("/portal/login"));
	}

	@Test
	void shouldRefuseSignupWithTheEmailOfAnExistingContactOrAgent() throws Exception {
		String wang = Fixtures.uniqueEmail("wang.fang", "lotusgarden.example");
		String lars = Fixtures.uniqueEmail("lars", "brightlane.example");
		long contactId = accounts.findOrCreateContact(wang, "王芳").id();
		identity.createAgent(new NewAgent(lars, "Lars", "agent-password-1", Role.AGENT,
				List.of(GroupView.TIER2)));

		for (String email : List.of(wang.replace("wang.fang", "Wang.Fang"), lars)) {
			mvc.perform(post("/portal/signup").with(csrf()).param("name", "Somebody Else").param("email", email)
				.param("password", PASSWORD))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Ask our support team for an invitation")));
		}
		assertThat(identity.hasPortalLogin(contactId)).isFalse();
		mvc.perform(formLogin("/login").userParameter("email").user(wang).password(PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void shouldShowFieldErrorsInsteadOfFailing() throws Exception {
		mvc.perform(post("/portal/signup").with(csrf()).param("name", "").param("email", "not-an-email")
			.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("Tell us your name."),
					org.hamcrest.Matchers.containsString("Enter an email address like name@company.com."),
					org.hamcrest.Matchers.containsString("A password needs at least 10 characters."))));

		MockHttpSession session = signUp("Mateo García", Fixtures.uniqueEmail("mateo", "andescoffee.example"));
		mvc.perform(multipart("/portal/tickets").session(session).with(csrf()).param("subject", " ")
			.param("description", "").param("type", "TASK"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("Give your request a short subject."),
					org.hamcrest.Matchers.containsString("Describe what you need so we can help."),
					org.hamcrest.Matchers.containsString("Choose one of the kinds of request above."))));
		mvc.perform(multipart("/portal/tickets").session(session).with(csrf()).param("subject", "Installer")
			.param("description", "See attached").param("type", "QUESTION")
			.file(new MockMultipartFile("files", "setup.exe", "application/octet-stream", new byte[] { 1 })))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("cannot be attached")));
		assertThat(page(session, "/portal")).contains("No requests yet");
	}

	@Test
	void shouldAnswerNotFoundForAnotherCustomersTicketAndAttachment() throws Exception {
		String klara = Fixtures.uniqueEmail("klara", "verdastelo.example");
		MockHttpSession owner = signUp("Klara Stelo", klara);
		long id = submit(owner, "Invoice question", "Which VAT rate applies?",
				new MockMultipartFile("files", "invoice.pdf", "application/pdf", "%PDF-1.4".getBytes()));
		long attachmentId = attachmentOf(id, klara);

		mvc.perform(get("/portal/attachments/" + attachmentId).session(owner))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));

		MockHttpSession stranger = signUp("Emeka Eze", Fixtures.uniqueEmail("emeka", "lagosfintech.example"));
		mvc.perform(get("/portal/tickets/" + id).session(stranger)).andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("We can&#39;t find that")));
		mvc.perform(get("/portal/attachments/" + attachmentId).session(stranger)).andExpect(status().isNotFound());
		mvc.perform(multipart("/portal/tickets/" + id + "/replies").session(stranger).with(csrf()).param("body", "hi"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/portal/tickets/not-a-number").session(stranger)).andExpect(status().isNotFound());
		assertThat(page(stranger, "/portal")).doesNotContain("Invoice question");
	}

	@Test
	void shouldShowPublicRepliesButNeverInternalNotes() throws Exception {
		MockHttpSession session = signUp("Lena Weber", Fixtures.uniqueEmail("lena", "helvetia-dental.example"));
		long id = submit(session, "Reminder emails", "Can reminders go out at 8am?", null);
		AuthenticatedUser agent = anAgent(Fixtures.uniqueEmail("tomas", "brightlane.example"));
		tickets.addMessage(id, new NewMessage("Internal: customer is on the legacy plan", Visibility.INTERNAL, null),
				List.of(), agent);
		tickets.addMessage(id, new NewMessage("Yes, under Settings, Reminders.", Visibility.PUBLIC, null), List.of(),
				agent);

		String page = page(session, "/portal/tickets/" + id);
		assertThat(page).contains("Yes, under Settings, Reminders.").doesNotContain("legacy plan");

		mvc.perform(multipart("/portal/tickets/" + id + "/replies").session(session).with(csrf())
			.param("body", "Great, thanks!"))
			.andExpect(redirectedUrlPattern("/portal/tickets/" + id + "?replied*"));
		assertThat(page(session, "/portal/tickets/" + id)).contains("Great, thanks!");
	}

	@Test
	void shouldKeepScriptsInSubjectAndBodyInert() throws Exception {
		MockHttpSession session = signUp("Layla Haddad", Fixtures.uniqueEmail("layla", "oasistravel.example"));
		long id = submit(session, "<script>alert('subject')</script>", "<img src=x onerror=alert(1)> <b>bold</b>",
				null);
		mvc.perform(multipart("/portal/tickets/" + id + "/replies").session(session).with(csrf())
			.param("body", "<svg onload=alert(2)>"));

		for (String path : List.of("/portal", "/portal/tickets/" + id)) {
			String page = page(session, path);
			assertThat(page).doesNotContain("<script>alert", "<img", "<svg")
				.contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;");
		}
		assertThat(page(session, "/portal/tickets/" + id)).contains("&lt;b&gt;bold&lt;/b&gt;");
	}

	private MockHttpSession signUp(String name, String email) throws Exception {
		MvcResult result = mvc.perform(post("/portal/signup").with(csrf()).param("name", name).param("email", email)
			.param("password", PASSWORD))
			.andExpect(redirectedUrl("/portal?welcome"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private long submit(MockHttpSession session, String subject, String description, MockMultipartFile file)
			throws Exception {
		var request = multipart("/portal/tickets").session(session).with(csrf()).param("subject", subject)
			.param("description", description).param("type", "INCIDENT");
		if (file != null) {
			request.file(file);
		}
		String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/portal/tickets/\\d+\\?created");
		return Long.parseLong(location.replaceAll("\\D+(\\d+)\\?.*", "$1"));
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private long attachmentOf(long ticketId, String customerEmail) {
		return tickets.messages(ticketId, customer(customerEmail)).stream()
			.flatMap(m -> m.attachments().stream())
			.findFirst().orElseThrow().id();
	}

	private AuthenticatedUser customer(String email) {
		var contact = accounts.contactByEmail(email).orElseThrow();
		return AuthenticatedUser.contact(contact.id(), contact.email(), contact.name());
	}

	private AuthenticatedUser anAgent(String email) {
		AgentView agent = identity.agents().stream().filter(a -> a.email().equals(email)).findFirst()
			.orElseGet(() -> identity.createAgent(new NewAgent(email, "Tomás", "agent-password-1", Role.AGENT,
					List.of(GroupView.TIER1))));
		return AuthenticatedUser.agent(agent.id(), agent.email(), agent.name(), agent.role());
	}
}
