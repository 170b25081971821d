/**
 * What customers say about the help they got: CSAT surveys after each solved contact, NPS campaigns, and their
 * answers. Other modules read the answers through the events {@link io.rapport.surveys.CsatRated} and
 * {@link io.rapport.surveys.NpsAnswered}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package io.rapport.surveys;
