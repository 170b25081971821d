package io.rapport.accounts;

/**
 * What a dated change did to monthly recurring revenue. A change that moves no MRR (a plan renamed, seats given
 * at the same price) is a {@code PLAN_CHANGE}, kept so that the history is whole.
 */
public enum MovementKind {
	NEW, EXPANSION, CONTRACTION, CANCELLATION, REACTIVATION, PLAN_CHANGE
}
