package io.rapport.shared.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * At start, with the embedded Lucene backend: removes the index directories of indexes this version no longer
 * has. An index is renamed when its fields change structure ({@code tickets} became {@code tickets_v2}), and the
 * new one is built from the database at the first start ({@link SearchIndexes#rebuildEmptyIndexes}); the old
 * directory would otherwise stay in the data directory, as large as the index it was. Only directories that hold a
 * Lucene index (a {@code segments_N} file) are removed: anything else under the root is left alone.
 */
@Component
class ObsoleteIndexes {

	private static final Logger log = LoggerFactory.getLogger(ObsoleteIndexes.class);

	private static final String PREFIX = "spring.jpa.properties.hibernate.search.backend.";

	private final EntityManagerFactory entityManagerFactory;

	private final Environment environment;

	ObsoleteIndexes(EntityManagerFactory entityManagerFactory, Environment environment) {
		this.entityManagerFactory = entityManagerFactory;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void removeAtStart() {
		String root = environment.getProperty(PREFIX + "directory.root");
		if (!"lucene".equals(environment.getProperty(PREFIX + "type", "lucene")) || root == null) {
			return;
		}
		Set<String> current = Search.mapping(entityManagerFactory).allIndexedEntities().stream()
			.map(entity -> entity.indexManager().descriptor().hibernateSearchName())
			.collect(Collectors.toSet());
		try {
			for (Path removed : remove(Path.of(root), current)) {
				log.info("Removed the search index {}, which this version no longer has", removed);
			}
		}
		catch (RuntimeException ex) {
			// the application works without this: the old directory only takes room
			log.warn("Could not remove the obsolete search indexes under {}", root, ex);
		}
	}

	/** Removes the Lucene index directories directly under {@code root} not named in {@code current}. */
	static List<Path> remove(Path root, Set<String> current) {
		List<Path> removed = new ArrayList<>();
		if (!Files.isDirectory(root)) {
			return removed;
		}
		try (Stream<Path> children = Files.list(root)) {
			for (Path child : children.toList()) {
				if (Files.isDirectory(child) && !current.contains(child.getFileName().toString()) && isIndex(child)) {
					FileSystemUtils.deleteRecursively(child);
					removed.add(child);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return removed;
	}

	private static boolean isIndex(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.anyMatch(file -> file.getFileName().toString().startsWith("segments_"));
		}
	}
}
