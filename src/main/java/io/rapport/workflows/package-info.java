/**
 * How tickets move without a person pushing them: SLA policies with their business-hours calendars and timers
 * (warnings before a breach, the breach itself); routing, rules, tier checklists and webhooks come here later.
 * Other modules read calendars through {@link io.rapport.workflows.BusinessCalendars} and SLA outcomes through
 * {@link io.rapport.workflows.SlaTargetEnded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflows")
package io.rapport.workflows;
