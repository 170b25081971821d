/**
 * Product-usage events: Rapport speaks Segment's HTTP tracking API (write keys, track, identify, group, page,
 * batch), keeps raw events append-only and daily rollups per account, person and event name that scores read, and
 * adds Rapport's own facts (portal sign-ins, password resets, help-center reading, tickets, CSAT, NPS) to the same
 * stream. The vocabulary is in docs/events.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Product usage")
package io.rapport.activity;
