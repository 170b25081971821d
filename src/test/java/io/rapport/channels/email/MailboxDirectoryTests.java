package io.rapport.channels.email;

import java.time.Instant;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail paths read mailboxes from {@link MailboxDirectory}, not from the database for each mail; a change made on
 * this node must still be seen by the very next mail, and never before it commits.
 */
class MailboxDirectoryTests extends IntegrationTest {

	@Autowired
	MailboxDirectory directory;

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	private Long id;

	@AfterEach
	void removeMailbox() {
		if (id != null) {
			mailboxes.deleteById(id);
		}
	}

	@Test
	void shouldSeeANewMailboxAndItsChangesAtOnce() {
		assertThat(directory.all()).isNotNull(); // a snapshot exists before the mailbox does
		Mailbox created = mailboxes.save(new Mailbox("Directory", Fixtures.uniqueEmail("help", "dir.example"),
				"tier1", "0".repeat(64), Instant.now()));
		id = created.getId();

		assertThat(directory.find(id)).hasValueSatisfying(m -> assertThat(m.isActive()).isTrue());

		created.setActive(false);
		mailboxes.save(created);

		assertThat(directory.find(id)).hasValueSatisfying(m -> assertThat(m.isActive()).isFalse());
	}

	@Test
	void shouldNotKeepWhatItReadBeforeAChangeCommitted() {
		Mailbox created = mailboxes.save(new Mailbox("Directory", Fixtures.uniqueEmail("help", "dir.example"),
				"tier1", "0".repeat(64), Instant.now()));
		id = created.getId();

		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			Mailbox inTransaction = mailboxes.findById(id).orElseThrow();
			inTransaction.setGroup("tier2");
			mailboxes.saveAndFlush(inTransaction);
			// read by another transaction while this one is open: the old row
			assertThat(directory.find(id)).hasValueSatisfying(m -> assertThat(m.getGroup()).isEqualTo("tier1"));
		});

		assertThat(directory.find(id)).hasValueSatisfying(m -> assertThat(m.getGroup()).isEqualTo("tier2"));
	}

	@Test
	void shouldSeeAWriteBySqlOnceItIsAnnounced() {
		Mailbox created = mailboxes.save(new Mailbox("Directory", Fixtures.uniqueEmail("help", "dir.example"),
				"tier1", "0".repeat(64), Instant.now()));
		id = created.getId();
		assertThat(directory.exists(id)).isTrue();

		jdbc.update("update mailboxes set active = false where id = ?", id);
		MailboxDirectory.changed();

		assertThat(directory.find(id)).hasValueSatisfying(m -> assertThat(m.isActive()).isFalse());
	}
}
