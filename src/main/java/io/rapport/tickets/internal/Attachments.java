package io.rapport.tickets.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Attachments extends JpaRepository<Attachment, Long> {

	List<Attachment> findByMessageIdIn(Collection<Long> messageIds);
}
