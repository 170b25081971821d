package io.rapport.tickets;

public enum Channel {
	EMAIL, CHAT, PHONE, PORTAL, API
}
