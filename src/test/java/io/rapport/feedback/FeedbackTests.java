package io.rapport.feedback;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.feedback.FeedbackApi.FeedbackTicket;
import io.rapport.feedback.FeedbackApi.NewTopic;
import io.rapport.feedback.FeedbackApi.NoticeResult;
import io.rapport.feedback.FeedbackApi.RankedTopic;
import io.rapport.feedback.FeedbackApi.TopicChange;
import io.rapport.feedback.FeedbackApi.TopicView;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Topics, linking rules, the ranking with a moved clock, the unsorted list and "notify every requester". */
class FeedbackTests extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	FeedbackApi feedback;

	@Autowired
	TicketsApi tickets;

	@Autowired
	Fixtures fixtures;

	Person agent;

	@BeforeEach
	void people() {
		agent = fixtures.anAgentIn("tier1");
	}

	private TicketView aTicket(Person customer, TicketType type, String subject, String body) {
		return tickets.create(new NewTicket(subject, body, null, type, null, null, List.of()), customer.user());
	}

	private TicketView aRequest(Person customer, String subject) {
		return aTicket(customer, TicketType.FEATURE_REQUEST, subject, "We would love " + subject + ".");
	}

	private TopicView aTopic(String title) {
		return feedback.create(new NewTopic(title, null), agent.user());
	}

	private RankedTopic rankOf(TopicView topic, Set<TicketType> kinds) {
		return feedback.ranking(Set.of(), kinds, agent.user()).stream().filter(r -> r.topic().id() == topic.id())
			.findFirst().orElse(null);
	}

	@Test
	void shouldRankTopicsByTicketsThenDistinctAccounts() {
		AccountView acme = fixtures.anAccount();
		AccountView globex = fixtures.anAccount();
		TopicView popular = aTopic("Popular " + System.nanoTime());
		TopicView narrow = aTopic("Narrow " + System.nanoTime());
		// Given three requests from two accounts (two people at Acme), and three from one account
		Person ana = fixtures.aCustomerOf(acme.id());
		Person bob = fixtures.aCustomerOf(acme.id());
		Person cat = fixtures.aCustomerOf(globex.id());
		for (Person p : List.of(ana, bob, cat)) {
			feedback.link(aRequest(p, "popular thing").id(), popular.id(), agent.user());
		}
		Person dan = fixtures.aCustomerOf(globex.id());
		for (int i = 0; i < 3; i++) {
			feedback.link(aRequest(dan, "narrow thing " + i).id(), narrow.id(), agent.user());
		}
		feedback.link(aTicket(cat, TicketType.COMPLAINT, "complaint", "Not good.").id(), narrow.id(), agent.user());

		RankedTopic p = rankOf(popular, Set.of());
		RankedTopic n = rankOf(narrow, Set.of());
		assertThat(p.tickets()).isEqualTo(3);
		assertThat(p.accounts()).isEqualTo(2);
		assertThat(p.customers()).isEqualTo(3);
		assertThat(n.tickets()).isEqualTo(4);
		assertThat(n.accounts()).isEqualTo(1);
		assertThat(n.requests()).isEqualTo(3);
		assertThat(n.complaints()).isEqualTo(1);
		List<Long> order = feedback.ranking(Set.of(), Set.of(), agent.user()).stream().map(r -> r.topic().id())
			.toList();
		assertThat(order.indexOf(narrow.id())).isLessThan(order.indexOf(popular.id()));

		// only complaints counted: popular has none and drops out, narrow has one
		assertThat(rankOf(popular, Set.of(TicketType.COMPLAINT))).isNull();
		assertThat(rankOf(narrow, Set.of(TicketType.COMPLAINT)).tickets()).isEqualTo(1);
		// same ticket count: more accounts first
		feedback.link(aRequest(fixtures.aCustomerOf(fixtures.anAccount().id()), "popular again").id(), popular.id(),
				agent.user());
		order = feedback.ranking(Set.of(), Set.of(), agent.user()).stream().map(r -> r.topic().id()).toList();
		assertThat(order.indexOf(popular.id())).isLessThan(order.indexOf(narrow.id()));
	}

	@Test
	void shouldCountTheTrendOfTheLast30DaysAgainstThe30Before() {
		TopicView topic = aTopic("Trend " + System.nanoTime());
		Person customer = fixtures.aCustomer();
		// 50 days ago (the period before), 40 days ago (before), 70 days ago (outside both), 10 days ago (last)
		for (int daysAgo : new int[] { 50, 40, 70, 10 }) {
			clock.set(START.minus(Duration.ofDays(daysAgo)));
			feedback.link(aRequest(customer, "trend " + daysAgo).id(), topic.id(), agent.user());
		}
		clock.set(START);

		RankedTopic rank = rankOf(topic, Set.of());
		assertThat(rank.tickets()).isEqualTo(4);
		assertThat(rank.lastPeriod()).isEqualTo(1);
		assertThat(rank.periodBefore()).isEqualTo(2);
		assertThat(rank.trend()).isEqualTo(-1);

		// 25 days later the 10-day-old ticket is 35 days old: in the period before; the 40- and 50-day-old ones out
		clock.set(START.plus(Duration.ofDays(25)));
		rank = rankOf(topic, Set.of());
		assertThat(rank.lastPeriod()).isZero();
		assertThat(rank.periodBefore()).isEqualTo(1);
	}

	@Test
	void shouldLinkOnlyFeatureRequestsAndComplaintsAndOneTopicPerTicket() {
		Person customer = fixtures.aCustomer();
		TopicView first = aTopic("First " + System.nanoTime());
		TopicView second = aTopic("Second " + System.nanoTime());
		TicketView question = aTicket(customer, TicketType.QUESTION, "How do I?", "How do I export?");
		assertThatThrownBy(() -> feedback.link(question.id(), first.id(), agent.user()))
			.isInstanceOf(ConflictException.class).hasMessageContaining("feature requests and complaints");

		TicketView request = aRequest(customer, "dark mode");
		feedback.link(request.id(), first.id(), agent.user());
		feedback.link(request.id(), second.id(), agent.user());

		assertThat(feedback.ticketsOf(first.id(), agent.user())).extracting(FeedbackTicket::ticketId)
			.doesNotContain(request.id());
		assertThat(feedback.ticketsOf(second.id(), agent.user())).extracting(FeedbackTicket::ticketId)
			.containsExactly(request.id());
		assertThat(feedback.topicOf(request.id(), agent.user())).map(TopicView::id).contains(second.id());

		assertThatThrownBy(() -> feedback.link(request.id(), 999_999_999L, agent.user()))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("topicId"));

		feedback.unlink(request.id(), agent.user());
		assertThat(feedback.topicOf(request.id(), agent.user())).isEmpty();
	}

	@Test
	void shouldStartATopicFromATicketAndKeepItsCustomerWords() {
		TicketView complaint = aTicket(fixtures.aCustomer(), TicketType.COMPLAINT, "Slow answers",
				"Nobody answered for three days.");
		TopicView topic = feedback.startFrom(complaint.id(), new NewTopic("Answer times", "Slow first replies"),
				agent.user());

		assertThat(topic.state()).isEqualTo(TopicState.OPEN);
		assertThat(feedback.ticketsOf(topic.id(), agent.user())).singleElement()
			.satisfies(t -> assertThat(t.words()).isEqualTo("Nobody answered for three days."));
	}

	@Test
	void shouldKeepEveryNewRequestAndComplaintUnsortedUntilLinked() {
		Person customer = fixtures.aCustomer();
		TicketView request = aRequest(customer, "unsorted " + System.nanoTime());
		TicketView question = aTicket(customer, TicketType.QUESTION, "A question", "Just asking.");

		await().atMost(PATIENCE).until(() -> unsortedIds().contains(request.id()));
		assertThat(unsortedIds()).doesNotContain(question.id());

		// a question that becomes a complaint is unsorted too; a request that becomes a question is not
		TicketView q = tickets.get(question.id(), agent.user());
		tickets.update(q.id(), new TicketUpdate(null, null, TicketType.COMPLAINT, null, null, null, q.version()),
				agent.user());
		TicketView r = tickets.get(request.id(), agent.user());
		tickets.update(r.id(), new TicketUpdate(null, null, TicketType.QUESTION, null, null, null, r.version()),
				agent.user());
		await().atMost(PATIENCE)
			.until(() -> unsortedIds().contains(question.id()) && !unsortedIds().contains(request.id()));

		feedback.link(question.id(), aTopic("Sorted " + System.nanoTime()).id(), agent.user());
		assertThat(unsortedIds()).doesNotContain(question.id());
	}

	private List<Long> unsortedIds() {
		return feedback.unsorted(0, 100, agent.user()).items().stream().map(FeedbackTicket::ticketId).toList();
	}

	@Test
	void shouldSuggestTopicsSharingTheTicketsWords() {
		String word = "zephyrine" + (System.nanoTime() % 100000);
		TopicView match = feedback.create(new NewTopic("Dark " + word + " theme", "A darker look at night"),
				agent.user());
		TopicView weaker = feedback.create(new NewTopic("Other things", "Sometimes " + word + " appears here"),
				agent.user());
		TicketView request = aRequest(fixtures.aCustomer(), "Please add a " + word + " theme");

		List<Long> suggested = feedback.suggest(request.id(), 5, agent.user()).stream().map(s -> s.topic().id())
			.toList();
		assertThat(suggested).startsWith(match.id()).contains(weaker.id());
	}

	@Test
	void shouldNotifyEveryRequesterOnceAndSkipClosedTickets() {
		TopicView topic = aTopic("Shipped " + System.nanoTime());
		Person ana = fixtures.aCustomer();
		TicketView open = aRequest(ana, "shipped one");
		TicketView solved = aRequest(fixtures.aCustomer(), "shipped two");
		TicketView closed = aRequest(fixtures.aCustomer(), "shipped three");
		for (TicketView t : List.of(open, solved, closed)) {
			feedback.link(t.id(), topic.id(), agent.user());
		}
		TicketView s = tickets.update(solved.id(),
				new TicketUpdate(TicketStatus.SOLVED, null, null, null, null, null, solved.version()), agent.user());
		TicketView c = tickets.update(closed.id(),
				new TicketUpdate(TicketStatus.SOLVED, null, null, null, null, null, closed.version()), agent.user());
		tickets.update(closed.id(), new TicketUpdate(TicketStatus.CLOSED, null, null, null, null, null, c.version()),
				agent.user());
		assertThat(s.status()).isEqualTo(TicketStatus.SOLVED);

		assertThatThrownBy(() -> feedback.notifyRequesters(topic.id(), "It shipped", agent.user()))
			.isInstanceOf(ConflictException.class);
		feedback.change(topic.id(), new TopicChange(null, null, TopicState.SHIPPED, null), agent.user());
		assertThatThrownBy(() -> feedback.notifyRequesters(topic.id(), "  ", agent.user()))
			.isInstanceOf(InvalidInputException.class);

		NoticeResult first = feedback.notifyRequesters(topic.id(), "It shipped today.", agent.user());
		NoticeResult second = feedback.notifyRequesters(topic.id(), "It shipped today.", agent.user());

		assertThat(first).isEqualTo(new NoticeResult(2, 0, 1));
		assertThat(second).isEqualTo(new NoticeResult(0, 2, 1));
		for (TicketView t : List.of(open, solved)) {
			List<MessageView> replies = tickets.messages(t.id(), agent.user()).stream()
				.filter(m -> m.authorType() == AuthorKind.AGENT && m.visibility() == Visibility.PUBLIC).toList();
			assertThat(replies).singleElement().satisfies(m -> {
				assertThat(m.bodyHtml()).contains("It shipped today.");
				assertThat(m.authorId()).isEqualTo(agent.id());
			});
		}
		assertThat(tickets.messages(closed.id(), agent.user())).noneMatch(m -> m.authorType() == AuthorKind.AGENT);
		assertThat(feedback.topic(topic.id(), agent.user()).notifiedAt()).isEqualTo(START);
		// the customer sees the reply on their own ticket
		assertThat(tickets.messages(open.id(), ana.user())).anyMatch(m -> m.bodyHtml().contains("It shipped today."));
	}

	@Test
	void shouldRefuseCustomersEverything() {
		Person customer = fixtures.aCustomer();
		TicketView mine = aRequest(customer, "mine");
		TopicView topic = aTopic("Hidden " + System.nanoTime());

		assertThatThrownBy(() -> feedback.topic(topic.id(), customer.user())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> feedback.ranking(Set.of(), Set.of(), customer.user()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> feedback.link(mine.id(), topic.id(), customer.user()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> feedback.create(new NewTopic("Mine", null), customer.user()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> feedback.notifyRequesters(topic.id(), "x", customer.user()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void shouldRebuildTheUnsortedListFromTheTicketsKeepingLinks() {
		Person admin = fixtures.anAdmin();
		TicketView linked = aRequest(fixtures.aCustomer(), "rebuilt linked");
		TopicView topic = aTopic("Rebuilt " + System.nanoTime());
		feedback.link(linked.id(), topic.id(), agent.user());

		assertThat(feedback.rebuild(admin.user())).isPositive();
		assertThat(feedback.topicOf(linked.id(), agent.user())).map(TopicView::id).contains(topic.id());
		assertThatThrownBy(() -> feedback.rebuild(agent.user())).isInstanceOf(
				io.rapport.shared.ForbiddenException.class);
	}
}
