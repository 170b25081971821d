package io.rapport.notifications;

import java.util.Set;

/**
 * Agents who follow a ticket: they are told when the customer replies and when the ticket is solved, like
 * Zendesk's followers. Agents follow by choice (the Follow button) and automatically when mentioned in a note.
 * The assignee is told of the same events as the assignee, without being stored as a follower, so a reassigned
 * ticket stops notifying its former assignee unless they chose to follow it.
 */
public interface TicketFollowers {

	/** Idempotent: following twice is following. */
	void follow(long ticketId, long agentId);

	void unfollow(long ticketId, long agentId);

	boolean isFollowing(long ticketId, long agentId);

	Set<Long> followers(long ticketId);
}
