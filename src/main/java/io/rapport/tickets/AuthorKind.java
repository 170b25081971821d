package io.rapport.tickets;

/** Who wrote a message or made a change. SYSTEM is Rapport itself (automations, imports). */
public enum AuthorKind {
	AGENT, CONTACT, SYSTEM
}
