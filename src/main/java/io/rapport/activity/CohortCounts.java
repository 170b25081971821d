package io.rapport.activity;

/**
 * A cohort retention table as counts: {@code sizes[c]} people (or accounts) in the cohort of period {@code c}, and
 * {@code retained[c][n]} of them retained in its column {@code n} ({@code retained[c][0]} is the size).
 */
public record CohortCounts(long[] sizes, long[][] retained) {
}
