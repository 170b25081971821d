package io.rapport.channels.email;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Mailboxes extends JpaRepository<Mailbox, Long> {

	Optional<Mailbox> findByAddress(String address);

	List<Mailbox> findAllByOrderByName();

	Optional<Mailbox> findFirstByDefaultMailboxTrueAndActiveTrue();
}
