package io.rapport.tickets.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.TestDatabase;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Defect 3: two agents saving the same ticket at the same moment. The second save reads the same version as the
 * first, passes every check, and only loses at the write: the page must say "someone else updated this ticket"
 * with a reload link and answer 409, never a 400 beside the properties.
 */
class TicketPageConflictTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DataSource dataSource;

	@Test
	void shouldAnswerTheConflictMessageWhenAnotherSaveLandsAtTheSameMoment() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = fixtures.aTicket();
		try (Connection other = dataSource.getConnection()) {
			// Given another agent's save holds the ticket's row, not yet committed
			other.setAutoCommit(false);
			try (PreparedStatement update = other.prepareStatement(
					"update tickets set priority = 'HIGH', version = version + 1 where id = ?")) {
				update.setLong(1, ticket.id());
				assertThat(update.executeUpdate()).isEqualTo(1);
			}
			// When this agent saves with the version both read
			CompletableFuture<MvcResult> save = CompletableFuture.supplyAsync(() -> post(ticket, agent));
			awaitABlockedWrite();
			other.commit();
			MvcResult result = save.get(30, TimeUnit.SECONDS);

			// Then the page shows the conflict, not a field error
			assertThat(result.getResponse().getStatus()).isEqualTo(409);
			assertThat(result.getResponse().getContentAsString())
				.contains("Someone else updated this ticket")
				.contains("Reload the ticket");
		}
	}

	private MvcResult post(TicketView ticket, Person agent) {
		try {
			return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/tickets/{id}", ticket.id()).header("HX-Request", "true")
				.param("status", ticket.status().name()).param("priority", "LOW")
				.param("type", ticket.type().name()).param("assignee", "").param("tags", "")
				.param("version", Long.toString(ticket.version())).with(csrf()).with(signedInAs(agent)))
				.andReturn();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Waits until a session of the database waits for a row lock: the page's write is blocked behind ours. */
	private void awaitABlockedWrite() throws Exception {
		String waiting = TestDatabase.isPostgres()
				? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
				: "select count(*) from information_schema.sessions where blocker_id is not null";
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		try (Connection probe = dataSource.getConnection()) {
			while (System.nanoTime() < deadline) {
				try (ResultSet rows = probe.createStatement().executeQuery(waiting)) {
					rows.next();
					if (rows.getLong(1) > 0) {
						return;
					}
				}
				Thread.onSpinWait();
			}
		}
		throw new AssertionError("The page's save never reached the database");
	}
}
