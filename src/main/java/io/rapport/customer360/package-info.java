/**
 * The customer 360: the account page both support and success read (issue 9, seed 004). It composes, and owns no
 * table: the timeline that merges what every module contributes through {@code shared.timeline.TimelineSource},
 * usage charts over 90 days and "seats used" from the activity rollups, and the account's people with their last
 * activity. It sits above the modules it reads (accounts, activity, tickets), which is why it is a module of its
 * own rather than part of accounts or tickets, whose pages it fills through template fragments.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer 360")
package io.rapport.customer360;
