package io.rapport.surveys.csat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.portal.MailState;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.surveys.CsatAnswerView;
import io.rapport.surveys.CsatAnswers;
import io.rapport.surveys.CsatRated;
import io.rapport.surveys.CsatSurveys;
import io.rapport.tickets.TicketSolved;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The life of a survey with a moved clock: scheduled after the delay, one per solve, asked again after a re-solve
 * (the latest answer counts, under the same answer id), changeable until it expires, and skipped when the ticket
 * was closed or reopened before it was due.
 */
class CsatSurveyTests extends IntegrationTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CsatFixtures csat;

	@Autowired
	CsatSurveys surveys;

	@Autowired
	CsatAnswers answers;

	@Autowired
	CsatSendJob job;

	@Autowired
	CsatSettings settings;

	@Autowired
	MailState mailState;

	@BeforeEach
	void withoutMail() {
		mailState.withoutMail();
	}

	@AfterEach
	void restore() {
		mailState.restore();
		settings.saveDelay(CsatSettings.DEFAULT_DELAY_MINUTES);
	}

	@Test
	void shouldOpenTheSurveyOnlyAfterTheDelay() {
		Fixtures.Person customer = fixtures.aCustomer();
		Fixtures.Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = csat.aSolvedTicket(customer, agent);

		Survey scheduled = csat.awaitSurveys(ticket.id(), 1).get(0);
		assertThat(scheduled.state()).isEqualTo(Survey.State.SCHEDULED);
		assertThat(scheduled.dueAt()).isEqualTo(START.plus(Duration.ofHours(1)));
		assertThat(scheduled.agentId()).isEqualTo(agent.id());
		assertThat(scheduled.groupKey()).isEqualTo(ticket.group());

		clock.set(START.plus(Duration.ofMinutes(59)));
		job.run();
		assertThat(csat.survey(scheduled.id()).state()).isEqualTo(Survey.State.SCHEDULED);
		assertThat(surveys.offerFor(ticket.id(), customer.user())).isEmpty();

		clock.set(START.plus(Duration.ofMinutes(60)));
		job.run();
		Survey open = csat.survey(scheduled.id());
		assertThat(open.state()).as("no mailbox can send: the portal offers it").isEqualTo(Survey.State.OFFERED);
		assertThat(open.expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)).plus(Duration.ofDays(30)));
		assertThat(surveys.offerFor(ticket.id(), customer.user())).hasValueSatisfying(offer -> {
			assertThat(offer.question()).isEqualTo("How would you rate the support you received?");
			assertThat(offer.answered()).isFalse();
		});
	}

	@Test
	void shouldAskOncePerSolveEvenWhenTheEventComesTwice() {
		TicketView ticket = csat.aSolvedTicket(fixtures.aCustomer(), fixtures.anAgentIn("tier1"));
		Survey first = csat.awaitSurveys(ticket.id(), 1).get(0);

		assertThat(csat.service().schedule(new TicketSolved(ticket.id(), null, null, first.solvedAt()))).isEmpty();

		assertThat(csat.awaitSurveys(ticket.id(), 1)).hasSize(1);
	}

	@Test
	void shouldUseTheDelayTheAdminSet() {
		settings.saveDelay(0);
		Fixtures.Person customer = fixtures.aCustomer();
		TicketView ticket = csat.aSolvedTicket(customer, fixtures.anAgentIn("tier1"));
		csat.awaitSurveys(ticket.id(), 1);

		job.run();

		assertThat(surveys.offerFor(ticket.id(), customer.user())).isPresent();
		assertThatThrownBy(() -> settings.saveDelay(CsatSettings.MAX_DELAY_MINUTES + 1))
			.isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("delayMinutes");
	}

	@Test
	void shouldAskAgainAfterAReopenAndKeepTheLatestAnswerUnderOneId() {
		Fixtures.Person customer = fixtures.aCustomer();
		Fixtures.Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = csat.aSolvedTicket(customer, agent);
		Survey first = csat.awaitSurveys(ticket.id(), 1).get(0);
		clock.set(START.plus(Duration.ofHours(2)));
		job.run();
		CsatAnswerView before = surveys.rate(ticket.id(), 2, "Slow answer", customer.user());

		// When the customer comes back and the ticket is solved again
		clock.set(START.plus(Duration.ofHours(3)));
		csat.status(ticket, TicketStatus.OPEN, agent);
		clock.set(START.plus(Duration.ofHours(4)));
		csat.status(ticket, TicketStatus.SOLVED, agent);
		List<Survey> both = csat.awaitSurveys(ticket.id(), 2);

		// Then a second survey asks again and the first can no longer be answered
		assertThat(both.get(1).state()).isEqualTo(Survey.State.SCHEDULED);
		assertThat(csat.survey(first.id()).state()).isEqualTo(Survey.State.SUPERSEDED);
		assertThat(surveys.offerFor(ticket.id(), customer.user())).isEmpty();

		clock.set(START.plus(Duration.ofHours(6)));
		job.run();
		assertThat(surveys.offerFor(ticket.id(), customer.user()))
			.hasValueSatisfying(offer -> assertThat(offer.answered()).as("a new survey starts blank").isFalse());
		CsatAnswerView after = surveys.rate(ticket.id(), 5, null, customer.user());

		assertThat(after.answerId()).isEqualTo(before.answerId());
		assertThat(after.rating()).isEqualTo(5);
		assertThat(after.comment()).as("the earlier survey's comment is not carried over").isNull();
		List<CsatRated> inForce = new ArrayList<>();
		answers.forEach(event -> {
			if (event.ticketId() == ticket.id()) {
				inForce.add(event);
			}
		});
		assertThat(inForce).singleElement().satisfies(event -> {
			assertThat(event.rating()).isEqualTo(5);
			assertThat(event.answerId()).isEqualTo(before.answerId());
			assertThat(event.agentId()).isEqualTo(agent.id());
			assertThat(event.surveyedAt()).isEqualTo(START.plus(Duration.ofHours(6)));
		});
	}

	@Test
	void shouldLetTheRequesterChangeTheAnswerUntilTheSurveyExpires() {
		Fixtures.Person customer = fixtures.aCustomer();
		TicketView ticket = csat.aSolvedTicket(customer, fixtures.anAgentIn("tier1"));
		csat.awaitSurveys(ticket.id(), 1);
		clock.set(START.plus(Duration.ofHours(1)));
		job.run();

		surveys.rate(ticket.id(), 3, null, customer.user());
		clock.set(START.plus(Duration.ofDays(10)));
		CsatAnswerView changed = surveys.rate(ticket.id(), 4, "Good in the end", customer.user());
		assertThat(changed.rating()).isEqualTo(4);
		CsatAnswerView kept = surveys.rate(ticket.id(), 5, null, customer.user());
		assertThat(kept.comment()).as("a rating without a comment keeps the comment").isEqualTo("Good in the end");

		clock.set(START.plus(Duration.ofHours(1)).plus(Duration.ofDays(30)).minusSeconds(1));
		assertThat(surveys.rate(ticket.id(), 4, null, customer.user()).rating()).isEqualTo(4);

		clock.set(START.plus(Duration.ofHours(1)).plus(Duration.ofDays(30)));
		assertThatThrownBy(() -> surveys.rate(ticket.id(), 1, null, customer.user()))
			.isInstanceOf(NotFoundException.class);
		assertThat(surveys.offerFor(ticket.id(), customer.user())).isEmpty();
	}

	@Test
	void shouldRefuseARatingOutsideOneToFive() {
		Fixtures.Person customer = fixtures.aCustomer();
		TicketView ticket = csat.aSolvedTicket(customer, fixtures.anAgentIn("tier1"));
		csat.awaitSurveys(ticket.id(), 1);
		clock.set(START.plus(Duration.ofHours(1)));
		job.run();

		for (Integer bad : new Integer[] { null, 0, 6, -1 }) {
			assertThatThrownBy(() -> surveys.rate(ticket.id(), bad, null, customer.user()))
				.isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("rating");
		}
		assertThatThrownBy(() -> surveys.rate(ticket.id(), 4, "x".repeat(5001), customer.user()))
			.isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("comment");
	}

	@Test
	void shouldSkipATicketClosedAndCancelOneReopenedBeforeTheSurveyWasDue() {
		Fixtures.Person customer = fixtures.aCustomer();
		Fixtures.Person agent = fixtures.anAgentIn("tier1");
		TicketView closed = csat.aSolvedTicket(customer, agent);
		TicketView reopened = csat.aSolvedTicket(customer, agent);
		Survey closedSurvey = csat.awaitSurveys(closed.id(), 1).get(0);
		Survey reopenedSurvey = csat.awaitSurveys(reopened.id(), 1).get(0);

		csat.status(closed, TicketStatus.CLOSED, agent);
		csat.status(reopened, TicketStatus.OPEN, agent);
		clock.set(START.plus(Duration.ofHours(2)));
		job.run();

		assertThat(csat.survey(closedSurvey.id()).state()).isEqualTo(Survey.State.SKIPPED_CLOSED);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> csat.survey(reopenedSurvey.id()).state() == Survey.State.CANCELLED_REOPENED);
		assertThat(surveys.offerFor(closed.id(), customer.user())).isEmpty();
	}
}
