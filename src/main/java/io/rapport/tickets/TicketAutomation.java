package io.rapport.tickets;

/**
 * Changes Rapport makes to a ticket on its own, without a signed-in user: an SLA policy raising the priority or
 * moving the ticket to another group. Each change is recorded in the history as done by {@code actor} (the
 * policy's name as people read it, "SLA policy Urgent") and publishes the same events as a person's change.
 */
public interface TicketAutomation {

	/** Raises the priority one step (Low to Normal, …); false when it is already Urgent or the ticket is closed. */
	boolean raisePriority(long ticketId, String actor);

	/**
	 * Moves the ticket to the group with this key and unassigns it; false when it is already there, the group does
	 * not exist or the ticket is solved or closed.
	 */
	boolean moveToGroup(long ticketId, String groupKey, String actor);
}
