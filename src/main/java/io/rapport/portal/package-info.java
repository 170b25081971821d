/**
 * The customer portal: customers of the SaaS company sign up or sign in, write in, follow their requests and
 * answer the support team. It reads and writes only through the tickets, accounts and identity facades, so what a
 * customer may see is decided where it is for the API ({@code TicketAccess}), never here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package io.rapport.portal;
