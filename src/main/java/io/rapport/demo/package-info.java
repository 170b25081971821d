/**
 * A believable help desk on first start: the support team of Brightlane, a project-planning SaaS, with its
 * customers' accounts, contacts and three months of tickets. The same generator fills a database with a million
 * tickets for benchmarks ({@code rapport.demo.tickets}). Never runs under the {@code prod} profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.rapport.demo;
