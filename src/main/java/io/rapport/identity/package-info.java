/**
 * Who is signed in: agents, their groups, customers' portal logins, API tokens, and the security rules that
 * every page and API call passes through.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.rapport.identity;
