package io.rapport.analytics;

/**
 * The analytics read models as other modules see them: rebuilt from their sources (the demo calls this after its
 * silent import, admins from the analytics admin page). Reports are read through the pages and the API.
 */
public interface AnalyticsApi {

	/** Rebuilds every read model from the tickets, surveys and SLA facades; answers the rows written per model. */
	Rebuilt rebuild();

	record Rebuilt(long tickets, long csatAnswers, long npsAnswers, long slaTargets) {
	}
}
