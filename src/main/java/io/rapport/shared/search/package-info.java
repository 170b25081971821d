/**
 * The search layer every module's index shares: the languages searched, one analyzer per language declared for
 * both backends (Lucene embedded by default, Elasticsearch/OpenSearch with {@code RAPPORT_SEARCH=elasticsearch}),
 * and the field names a per-locale mapping uses. See docs/search.md.
 */
package io.rapport.shared.search;
