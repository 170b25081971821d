/**
 * Tickets and their conversations: creation from every channel, tiers and escalation with a reason, history of
 * every change, attachments, and the one place that decides who may read a ticket ({@code TicketAccess}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets")
package io.rapport.tickets;
