package io.rapport.workflows.internal;

/** The three clocks an SLA policy sets: the first public reply, each next reply, and the resolution. */
enum TargetKind {
	FIRST_REPLY, NEXT_REPLY, RESOLUTION
}
