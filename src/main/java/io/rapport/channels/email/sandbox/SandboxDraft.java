package io.rapport.channels.email.sandbox;

import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/**
 * A mail a newcomer writes on the sandbox page as a customer: a demo contact ({@code contactId}) or a typed address
 * and name, the language it is written in, and optionally the number of the ticket it answers.
 */
record SandboxDraft(Long contactId, String address, String name, String language, String subject, String body,
		Long replyTo, List<MultipartFile> files) {

	SandboxDraft withFiles(List<MultipartFile> attached) {
		return new SandboxDraft(contactId, address, name, language, subject, body, replyTo,
				attached == null ? List.of() : attached);
	}

	static SandboxDraft empty() {
		return new SandboxDraft(null, "", "", "en", "", "", null, List.of());
	}
}
