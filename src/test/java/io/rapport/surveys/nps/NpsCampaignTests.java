package io.rapport.surveys.nps;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountsApi;
import io.rapport.portal.MailState;
import io.rapport.surveys.NpsAnswered;
import io.rapport.surveys.NpsAnswers;
import io.rapport.surveys.NpsCampaignDraft;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Visibility;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Campaigns as the job runs them, with a moved clock: the 90-day throttle across campaigns, recurring and one-off
 * schedules, the mail's one-click links and their security, the portal banner, the events, and the follow-up
 * ticket of a detractor. Audiences are lists of this test's own contacts (the database is shared).
 */
@RecordApplicationEvents
class NpsCampaignTests extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("https?://\\S+?(/surveys/nps/[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)/(\\d+)");

	@Autowired
	NpsService nps;

	@Autowired
	NpsJob job;

	@Autowired
	NpsLinks links;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	TicketsApi tickets;

	@Autowired
	NpsAnswers allAnswers;

	@Autowired
	MailState mailState;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void restoreMail() {
		mailState.restore();
	}

	@Test
	void shouldAskAContactAtMostOnceInNinetyDaysWhateverTheCampaigns() {
		Person admin = fixtures.anAdmin();
		Person ioana = fixtures.aCustomer();
		long first = campaign(admin, "RECURRING", 30, ioana);
		job.run();
		clock.set(START.plus(Duration.ofDays(10)));
		long second = campaign(admin, "ONCE", null, ioana);

		job.run();

		assertThat(nps.invitations(first)).hasSize(1);
		assertThat(nps.invitations(second)).isEmpty();
		assertThat(nps.campaign(second).nextRunAt()).as("the one-off ran, asking nobody").isNull();

		// 30 and 60 days later the recurring campaign runs, but the contact was asked within 90 days
		clock.set(START.plus(Duration.ofDays(30)));
		job.run();
		clock.set(START.plus(Duration.ofDays(60)));
		job.run();
		assertThat(nps.invitations(first)).hasSize(1);

		// 90 days after the first invitation, she may be asked again
		clock.set(START.plus(Duration.ofDays(90)));
		job.run();
		assertThat(nps.invitations(first)).extracting(io.rapport.surveys.NpsApi.NpsInvitation::sentAt)
			.containsExactly(START, START.plus(Duration.ofDays(90)));
	}

	@Test
	void shouldRunARecurringCampaignEveryNDaysAndOnlyOnceAfterADowntime() {
		Person admin = fixtures.anAdmin();
		Person customer = fixtures.aCustomer();
		long id = campaign(admin, "RECURRING", 14, customer);

		job.run();
		assertThat(nps.campaign(id).nextRunAt()).isEqualTo(START.plus(Duration.ofDays(14)));
		clock.set(START.plus(Duration.ofDays(13)));
		job.run();
		assertThat(nps.campaign(id).lastRunAt()).as("not due before 14 days").isEqualTo(START);

		// the job was down for 50 days: one run now, and the next slot of the rhythm after it
		clock.set(START.plus(Duration.ofDays(50)));
		job.run();
		job.run();
		assertThat(nps.campaign(id).lastRunAt()).isEqualTo(START.plus(Duration.ofDays(50)));
		assertThat(nps.campaign(id).nextRunAt()).isEqualTo(START.plus(Duration.ofDays(56)));
	}

	@Test
	void shouldNotSendAPausedCampaign() {
		Person admin = fixtures.anAdmin();
		Person customer = fixtures.aCustomer();
		long id = campaign(admin, "ONCE", null, customer);
		nps.setActive(id, false);

		job.run();

		assertThat(nps.invitations(id)).isEmpty();
		assertThat(nps.campaign(id).nextRunAt()).isEqualTo(START);
	}

	@Test
	void shouldMailElevenOneClickLinksThatRecordTheScoreAndOpenTheCommentPage() throws Exception {
		mailState.withMail();
		Person admin = fixtures.anAdmin();
		Person customer = fixtures.aCustomer();
		accounts.setLocale(customer.id(), java.util.Locale.forLanguageTag("ro"));
		long id = campaign(admin, "ONCE", null, customer);

		job.run();

		String mail = jdbc.queryForObject("select body_text from outbound_mails where to_addresses like ?",
				String.class, "%" + customer.email() + "%");
		assertThat(mail).contains("Cât de probabil este să recomandați Brightlane");
		List<String> scores = new ArrayList<>();
		Matcher m = LINK.matcher(mail);
		String page = null;
		while (m.find()) {
			scores.add(m.group(2));
			page = m.group(1);
		}
		assertThat(scores).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

		mvc.perform(get(page + "/9")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(page + "?saved"));
		mvc.perform(get(page)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Brightlane")));
		mvc.perform(post(page).with(csrf()).param("score", "8").param("comment", "Fast <b>answers</b>"))
			.andExpect(status().is3xxRedirection());

		Answers.Answer answer = answerOf(nps.invitations(id).get(0).id());
		assertThat(answer.score()).isEqualTo(8);
		assertThat(answer.comment()).isEqualTo("Fast <b>answers</b>");
		assertThat(answer.source()).isEqualTo(Answers.Source.EMAIL);
		assertThat(events.stream(NpsAnswered.class).filter(e -> e.answerId() == answer.id()))
			.extracting(NpsAnswered::score).containsExactly(9, 8);
		List<NpsAnswered> rebuilt = new ArrayList<>();
		allAnswers.forEach(rebuilt::add);
		assertThat(rebuilt).filteredOn(e -> e.answerId() == answer.id()).singleElement()
			.satisfies(e -> assertThat(e.commented()).isTrue());
		// the comment is shown as text, never as markup
		mvc.perform(get(page)).andExpect(content().string(org.hamcrest.Matchers.containsString("Fast &lt;b&gt;answers&lt;/b&gt;")));
	}

	@Test
	void shouldRefuseTamperedMovedAndExpiredLinks() throws Exception {
		Person admin = fixtures.anAdmin();
		Person ana = fixtures.aCustomer();
		Person bob = fixtures.aCustomer();
		long id = campaign(admin, "ONCE", null, ana, bob);
		job.run();
		io.rapport.surveys.NpsApi.NpsInvitation anas = nps.invitations(id).stream().filter(i -> i.contactId() == ana.id()).findFirst().orElseThrow();
		io.rapport.surveys.NpsApi.NpsInvitation bobs = nps.invitations(id).stream().filter(i -> i.contactId() == bob.id()).findFirst().orElseThrow();
		String token = links.token(anas.id(), ana.id(), anas.expiresAt());

		// unguessable: a 256-bit signature, different for every invitation
		assertThat(token.substring(token.indexOf('.') + 1)).hasSize(43);
		assertThat(links.token(bobs.id(), bob.id(), bobs.expiresAt())).isNotEqualTo(token);
		// tampered: one character of the signature changed
		String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
		mvc.perform(get("/surveys/nps/" + tampered + "/3")).andExpect(status().isNotFound());
		// bound: a signed token naming Bob's invitation with Ana as its contact is refused
		mvc.perform(get("/surveys/nps/" + links.token(bobs.id(), ana.id(), bobs.expiresAt()) + "/3"))
			.andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select count(*) from nps_answers where invitation_id in (?, ?)",
				Integer.class, anas.id(), bobs.id())).isZero();
		// works until it expires (30 days), then no more
		clock.set(START.plus(Duration.ofDays(30)).minusSeconds(1));
		mvc.perform(get("/surveys/nps/" + token + "/3")).andExpect(status().is3xxRedirection());
		clock.set(START.plus(Duration.ofDays(30)));
		mvc.perform(get("/surveys/nps/" + token + "/4")).andExpect(status().isNotFound());
		mvc.perform(post("/surveys/nps/" + token).with(csrf()).param("score", "4")).andExpect(status().isNotFound());
		assertThat(answerOf(anas.id()).score()).isEqualTo(3);
		// a score outside 0-10 records nothing
		clock.set(START);
		mvc.perform(get("/surveys/nps/" + token + "/11")).andExpect(status().isNotFound());
		mvc.perform(post("/surveys/nps/" + token).with(csrf()).param("score", "12")).andExpect(status().isBadRequest());
		assertThat(answerOf(anas.id()).score()).isEqualTo(3);
	}

	@Test
	void shouldShowTheBannerToTheInvitedContactOnlyUntilAnswered() throws Exception {
		Person admin = fixtures.anAdmin();
		Person ana = fixtures.aCustomer();
		Person bob = fixtures.aCustomer();
		long id = campaign(admin, "ONCE", null, ana);
		job.run();
		long invitation = nps.invitations(id).get(0).id();

		mvc.perform(get("/portal").with(signedInAs(ana))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"nps-banner\"")));
		mvc.perform(get("/portal").with(signedInAs(bob)))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("nps-banner\""))));
		mvc.perform(post("/portal/nps/" + invitation + "/score").with(csrf()).with(signedInAs(bob)).param("score", "0"))
			.andExpect(status().isNotFound());

		mvc.perform(post("/portal/nps/" + invitation + "/score").with(csrf()).with(signedInAs(ana)).param("score", "10"))
			.andExpect(redirectedUrl("/portal/nps/" + invitation + "?saved"));

		assertThat(answerOf(invitation).source()).isEqualTo(Answers.Source.PORTAL);
		mvc.perform(get("/portal").with(signedInAs(ana)))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("nps-banner\""))));
	}

	@Test
	void shouldOpenOneFollowUpTicketForADetractorWithTheCommentAndTag() {
		Person admin = fixtures.anAdmin();
		Person customer = fixtures.aCustomer();
		long id = campaign(admin, "ONCE", null, customer);
		job.run();
		long invitation = nps.invitations(id).get(0).id();

		long answerId = nps.answer(invitation, 3, null, clock.instant());
		long ticketId = await().atMost(Duration.ofSeconds(20)).until(() -> followUp(answerId), t -> t != null);
		nps.answer(invitation, 2, "The export has been broken for weeks", clock.instant());
		nps.answer(invitation, 2, "The export has been broken for weeks", clock.instant());

		await().atMost(Duration.ofSeconds(20)).until(() -> publicMessages(ticketId, admin).size() >= 2);
		TicketView ticket = tickets.get(ticketId, admin.user());
		assertThat(ticket.tags()).containsExactly("nps-detractor");
		assertThat(ticket.requester().id()).isEqualTo(customer.id());
		assertThat(jdbc.queryForObject("select count(*) from nps_followups where answer_id = ?", Integer.class,
				answerId)).isEqualTo(1);
		List<String> bodies = publicMessages(ticketId, admin);
		assertThat(bodies).hasSize(2);
		assertThat(bodies.get(0)).contains("Score 3 of 10");
		assertThat(bodies.get(1)).contains("The export has been broken for weeks");
		assertThat(tickets.messages(ticketId, admin.user())).filteredOn(m -> m.visibility() == Visibility.INTERNAL)
			.singleElement().satisfies(note -> assertThat(note.bodyHtml()).contains("detractor"));
	}

	@Test
	void shouldNotFollowUpAPassiveOrPromoter() throws Exception {
		Person admin = fixtures.anAdmin();
		Person customer = fixtures.aCustomer();
		long id = campaign(admin, "ONCE", null, customer);
		job.run();
		long answerId = nps.answer(nps.invitations(id).get(0).id(), 7, "Fine", clock.instant());

		Thread.sleep(300);
		assertThat(followUp(answerId)).isNull();
	}

	private Long followUp(long answerId) {
		return jdbc.query("select ticket_id from nps_followups where answer_id = ?", (rs, n) -> rs.getLong(1), answerId)
			.stream().findFirst().orElse(null);
	}

	private List<String> publicMessages(long ticketId, Person admin) {
		return tickets.messages(ticketId, admin.user()).stream().filter(m -> m.visibility() == Visibility.PUBLIC)
			.map(MessageView::bodyHtml).toList();
	}

	private Answers.Answer answerOf(long invitationId) {
		return jdbc.query("select id from nps_answers where invitation_id = ?", (rs, n) -> rs.getLong(1), invitationId)
			.stream().findFirst().flatMap(answers::find).orElseThrow();
	}

	@Autowired
	Answers answers;

	private long campaign(Person admin, String schedule, Integer everyDays, Person... audience) {
		List<String> emails = java.util.Arrays.stream(audience).map(Person::email).toList();
		return nps.createCampaign(new NpsCampaignDraft("Test " + System.nanoTime(), "Brightlane", "LIST", List.of(),
				emails, true, true, schedule, clock.instant(), everyDays, true, Map.of()), admin.id());
	}

	static Instant at(int days) {
		return START.plus(Duration.ofDays(days));
	}
}
