/**
 * NPS campaigns: who is asked and when, the invitations (mailed links and the portal banner), the answers, the
 * score and its reports, and the follow-up ticket for a detractor.
 */
package io.rapport.surveys.nps;
