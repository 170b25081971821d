package io.rapport.tickets;

public enum Visibility {
	PUBLIC, INTERNAL
}
