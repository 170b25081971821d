package io.rapport.identity;

public enum Role {
	ADMIN, AGENT
}
