package io.rapport.tickets.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.ImportedTicket;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewMessage.BodyFormat;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketImport;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/v1/search/tickets}: words of the conversation in five languages, filters, snippets, access. */
class TicketSearchApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketsApi tickets;

	@Autowired
	TicketImport imports;

	@Autowired
	AccountsApi accounts;

	Person agent;

	Person customer;

	@BeforeEach
	void people() {
		agent = fixtures.anAgentIn("tier1", "tier2");
		customer = fixtures.aCustomer();
	}

	@Test
	void shouldFindTicketsByTheWordsOfTheirMessagesInEachLanguage() throws Exception {
		long en = open(customer, "Exports", "Every export of our invoices to CSV has been failing since Monday.");
		long zh = open(customer, "无法登录", "我无法重置密码，点击邮件里的链接以后页面一直报错。");
		long ro = open(customer, "Problemă", "Bună ziua, nu pot să deschid aplicația după actualizare.");
		long ta = open(customer, "கணக்கு", "என் கடவுச்சொல்லை மாற்ற முடியவில்லை, உதவி செய்யுங்கள்.");
		long eo = open(customer, "Fakturo", "Saluton, mi ne ricevis la fakturon por marto kaj la pago malsukcesis.");

		// stemmed English, a Chinese query without spaces, Romanian without diacritics, Esperanto plural
		assertFinds("exported invoice", en);
		assertFinds("重置密码", zh);
		assertFinds("aplicatia actualizare", ro);
		assertFinds("கடவுச்சொல்லை", ta);
		assertFinds("fakturoj", eo);
		search(agent, "q", "重置密码", "requester", id(customer)).andExpect(jsonPath("$.items[0].language").value("zh"));
		search(agent, "q", "fakturoj", "requester", id(customer)).andExpect(jsonPath("$.items[0].language").value("eo"));
	}

	@Test
	void shouldHighlightTheMatchedWordsInASafeSnippet() throws Exception {
		long id = open(customer, "Webhooks", "The <b>webhook</b> retries stopped after the certificate was renewed.");
		tickets.addMessage(id, new NewMessage("<script>alert(1)</script> 1 < 2 & the certificate is fine",
				Visibility.PUBLIC, BodyFormat.TEXT), List.of(), agent.user());

		search(agent, "q", "certificate renewed", "requester", id(customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].ticketId").value(id))
			.andExpect(jsonPath("$.items[0].snippet", containsString("<mark>certificate</mark>")))
			.andExpect(jsonPath("$.items[0].snippet", containsString("<mark>renewed</mark>")));
		search(agent, "q", "fine", "requester", id(customer))
			.andExpect(jsonPath("$.items[0].snippet", containsString("&lt;script&gt;")))
			.andExpect(jsonPath("$.items[0].snippet", not(containsString("<script"))));
	}

	@Test
	void shouldFindANewMessageRightAfterItIsPosted() throws Exception {
		long id = open(customer, "Login", "I cannot sign in.");
		search(agent, "q", "kerberos", "requester", id(customer)).andExpect(jsonPath("$.total").value(0));

		tickets.addMessage(id, new NewMessage("Our domain uses Kerberos tickets for single sign-on.", null, null),
				List.of(), customer.user());

		search(agent, "q", "kerberos", "requester", id(customer))
			.andExpect(jsonPath("$.items[*].ticketId", hasItem((int) id)));
	}

	@Test
	void shouldNeverLetACustomerFindOrReadAnInternalNote() throws Exception {
		long id = open(customer, "Refund", "Please refund the second charge.");
		tickets.addMessage(id, new NewMessage("Customer is on the fraudwatch list, check before refunding.",
				Visibility.INTERNAL, null), List.of(), agent.user());

		search(agent, "q", "fraudwatch").andExpect(jsonPath("$.items[*].ticketId", hasItem((int) id)))
			.andExpect(jsonPath("$.items[0].snippet", containsString("<mark>fraudwatch</mark>")));
		search(customer, "q", "fraudwatch").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
		// found by a public word, the snippet still never quotes the note
		search(customer, "q", "refund").andExpect(jsonPath("$.items[0].ticketId").value(id))
			.andExpect(jsonPath("$.items[0].snippet", not(containsString("fraudwatch"))))
			.andExpect(jsonPath("$.items[0].assigneeId").doesNotExist())
			.andExpect(jsonPath("$.items[0].tags").doesNotExist());
	}

	@Test
	void shouldNeverLetACustomerFindAnotherCustomersTicket() throws Exception {
		var account = fixtures.anAccount();
		Person alice = fixtures.aCustomerOf(account.id());
		Person bob = fixtures.aCustomerOf(account.id());
		long bobs = open(bob, "Quarterly", "Our zanzibarite integration lost the quarterly numbers.");
		long alices = open(alice, "Also quarterly", "Is the zanzibarite integration down for everyone?");

		search(alice, "q", "zanzibarite").andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].ticketId").value(alices));
		// whatever filter she sends
		search(alice, "q", "zanzibarite", "requester", String.valueOf(bob.id()), "account", id(account.id()))
			.andExpect(jsonPath("$.items[*].ticketId", not(hasItem((int) bobs))));
		search(agent, "q", "zanzibarite").andExpect(jsonPath("$.total").value(2));
	}

	@Test
	void shouldNarrowByEveryFilter() throws Exception {
		var account = fixtures.anAccount();
		Person carol = fixtures.aCustomerOf(account.id());
		long tagged = open(carol, "Dashboard", "The dashboard of quokkas is slow.");
		tickets.update(tagged, new TicketUpdate(TicketStatus.PENDING, null, null, agent.id(), null,
				List.of("performance"), tickets.get(tagged, agent.user()).version()), agent.user());
		long other = open(carol, "Another", "Quokkas again, slow reports.");
		clock.set(Instant.parse("2026-03-10T10:00:00Z"));
		long later = open(carol, "Later", "Quokkas in the mobile app.");

		search(agent, "q", "quokkas", "account", id(account.id())).andExpect(jsonPath("$.total").value(3));
		search(agent, "q", "quokkas", "account", id(account.id()), "status", "PENDING")
			.andExpect(only(tagged));
		search(agent, "q", "quokkas", "account", id(account.id()), "tag", "performance")
			.andExpect(only(tagged));
		search(agent, "q", "quokkas", "account", id(account.id()), "assignee", id(agent.id()))
			.andExpect(only(tagged));
		search(agent, "q", "quokkas", "account", id(account.id()), "assignee", "none")
			.andExpect(jsonPath("$.total").value(2));
		search(agent, "q", "quokkas", "requester", id(carol), "group", "tier1", "channel", "API")
			.andExpect(jsonPath("$.total").value(3));
		search(agent, "q", "quokkas", "requester", id(carol), "channel", "EMAIL")
			.andExpect(jsonPath("$.total").value(0));
		search(agent, "q", "quokkas", "requester", id(carol), "from", "2026-03-10")
			.andExpect(only(later));
		search(agent, "q", "quokkas", "requester", id(carol), "to", "2026-03-02")
			.andExpect(jsonPath("$.items[*].ticketId", hasItem((int) other)))
			.andExpect(jsonPath("$.items[*].ticketId", not(hasItem((int) later))));
		// no words: the filters alone, newest first
		search(agent, "requester", id(carol)).andExpect(jsonPath("$.items[0].ticketId").value(later));
	}

	@Test
	void shouldFindATicketByItsNumberAndItsRequestersName() throws Exception {
		long id = open(customer, "Numbers", "Something unusual.");

		search(agent, "q", "#" + id).andExpect(jsonPath("$.items[0].ticketId").value(id));
		search(agent, "q", customer.user().name(), "requester", id(customer))
			.andExpect(jsonPath("$.items[*].ticketId", hasItem((int) id)));
	}

	@Test
	void shouldFindATicketByItsRequestersNewNameOnceTheContactIsRenamed() throws Exception {
		long id = open(customer, "Renamed requester", "Where did my export go?");

		accounts.updateContact(customer.id(), "Zebulon Quartermaine", null);

		// the rename is handed to the tickets module after it commits, by the event registry
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> search(agent, "q", "Quartermaine")
			.andExpect(jsonPath("$.items[*].ticketId", hasItem((int) id))));
	}

	@Test
	void shouldFindImportedTickets() throws Exception {
		Instant at = Instant.parse("2025-11-02T08:00:00Z");
		long id = imports.importTickets(List.of(new ImportedTicket(customer.id(), null, "Imported question",
				TicketType.QUESTION, TicketPriority.NORMAL, Channel.EMAIL, "tier1", null, TicketStatus.SOLVED, at, at,
				at, List.of("legacy"), List.of(new ImportedTicket.Message(AuthorKind.CONTACT, customer.id(),
						Visibility.PUBLIC, "The barcode scanner prints gibberish.", BodyFormat.TEXT, at)),
				List.of()))).get(0);

		search(agent, "q", "barcode gibberish").andExpect(jsonPath("$.items[*].ticketId", hasItem((int) id)));
		search(customer, "q", "scanner").andExpect(jsonPath("$.items[0].ticketId").value(id));
	}

	@Test
	void shouldAnswerBadParametersWithAProblemNamingTheField() throws Exception {
		search(agent, "status", "LOST").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		search(agent, "group", "nope").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("group"));
		search(agent, "assignee", "someone").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("assignee"));
		search(agent, "from", "yesterday").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		search(agent, "from", "2026-03-05", "to", "2026-03-01").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		search(agent, "size", "1000").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		search(agent, "page", "-1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		search(agent, "page", "500", "size", "100").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		search(agent, "requester", "x").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("requester"));
		search(agent, "q", "x".repeat(501)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		// punctuation and query syntax are read as words, never an error
		search(agent, "q", "\"unclosed ( -* ~ | +").andExpect(status().isOk());
	}

	private long open(Person who, String subject, String body) {
		TicketView view = tickets.create(new NewTicket(subject, body, null, null, null, null, List.of()), who.user());
		return view.id();
	}

	private void assertFinds(String words, long ticketId) throws Exception {
		search(agent, "q", words, "requester", id(customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].ticketId").value(ticketId));
	}

	private ResultActions search(Person who, String... params) throws Exception {
		MockHttpServletRequestBuilder request = get("/api/v1/search/tickets").header("Authorization", who.bearer())
			.locale(Locale.ENGLISH);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request);
	}

	private static org.springframework.test.web.servlet.ResultMatcher only(long ticketId) {
		org.springframework.test.web.servlet.ResultMatcher one = jsonPath("$.total").value(1);
		org.springframework.test.web.servlet.ResultMatcher it = jsonPath("$.items[0].ticketId").value(ticketId);
		return result -> {
			one.match(result);
			it.match(result);
		};
	}

	private static String id(Person person) {
		return String.valueOf(person.id());
	}

	private static String id(long id) {
		return String.valueOf(id);
	}
}
