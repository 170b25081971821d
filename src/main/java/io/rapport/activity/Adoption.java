package io.rapport.activity;

import java.util.Map;

/**
 * Who used some features in a window, from the rollups: {@code eligible} people (or accounts) active at all in it,
 * {@code adopting} those who used at least one of the features, and per feature how many used it.
 */
public record Adoption(long eligible, long adopting, Map<String, Long> byFeature) {
}
