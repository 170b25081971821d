package io.rapport.identity;

public enum UserKind {
	AGENT, CONTACT
}
