package io.rapport.channels.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface Mailboxes extends JpaRepository<Mailbox, Long> {

	Optional<Mailbox> findByAddress(String address);

	List<Mailbox> findAllByOrderByName();

	Optional<Mailbox> findFirstByDefaultMailboxTrueAndActiveTrue();

	List<Mailbox> findByActiveTrueAndInboundModeOrderById(Mailbox.InboundMode inboundMode);

	/**
	 * Records a poll without touching the version: a poll every few seconds must not make an admin's edit of
	 * the same mailbox fail as stale.
	 */
	@Transactional
	@Modifying
	@Query("update Mailbox m set m.lastPolledAt = :at, m.lastPollError = :error where m.id = :id")
	int recordPoll(long id, Instant at, String error);

	/** Whether mail was taken in by the mailbox (inbound rows refer to it by id, without a foreign key). */
	@Query(value = "select count(*) > 0 from inbound_mails where mailbox_id = :id", nativeQuery = true)
	boolean hasReceivedMail(long id);
}
