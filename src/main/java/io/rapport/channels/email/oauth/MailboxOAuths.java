package io.rapport.channels.email.oauth;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import io.rapport.channels.email.oauth.MailboxOAuth.Protocol;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MailboxOAuths extends JpaRepository<MailboxOAuth, Long> {

	Optional<MailboxOAuth> findByMailboxIdAndProtocol(long mailboxId, Protocol protocol);

	List<MailboxOAuth> findByMailboxId(long mailboxId);

	/** The row locked, so that two nodes never spend a rotating refresh token at the same time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from MailboxOAuth o where o.mailboxId = ?1 and o.protocol = ?2")
	Optional<MailboxOAuth> lock(long mailboxId, Protocol protocol);

	void deleteByMailboxIdAndProtocol(long mailboxId, Protocol protocol);
}
