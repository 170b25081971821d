/**
 * The SaaS company's customers: B2B accounts and the contacts who write in. A contact whose email domain matches
 * an account's domain joins that account.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package io.rapport.accounts;
