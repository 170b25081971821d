/**
 * Read models and reports: speed of answer, satisfaction, NPS, SLA compliance and volume, fed by the other
 * modules' events and rebuildable from their facades; the support lead's dashboard and the reports API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package io.rapport.analytics;
