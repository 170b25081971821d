package io.rapport.tickets.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AttachmentContents extends JpaRepository<AttachmentContent, Long> {
}
