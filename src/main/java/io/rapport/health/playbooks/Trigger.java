package io.rapport.health.playbooks;

/**
 * What starts a playbook on an account. Each kind reads one parameter of the playbook: the flag key
 * ({@link #FLAG_RAISED}, null for any flag), the band ({@link #SCORE_BAND}), the points fallen
 * ({@link #SCORE_DROP}), the stage ({@link #STAGE_ENTERED}) or a number of days ({@link #RENEWAL_DUE},
 * {@link #NO_SIGN_IN}).
 */
enum Trigger {
	FLAG_RAISED, SCORE_BAND, SCORE_DROP, STAGE_ENTERED, RENEWAL_DUE, NPS_DETRACTOR, NO_SIGN_IN, NEW_ACCOUNT
}
