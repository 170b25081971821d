/**
 * The ways customers write in besides the portal and the API. Email today (mailboxes read over IMAP or pushed as
 * raw MIME, answered over SMTP through an outbox); chat and phone callbacks next. Talks to tickets through
 * {@link io.rapport.tickets.TicketIntake} and {@link io.rapport.tickets.TicketsApi} and their events only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package io.rapport.channels;
