package io.rapport.shared.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ObsoleteIndexesTests {

	@TempDir
	Path root;

	@Test
	void shouldRemoveTheIndexesThisVersionNoLongerHasAndNothingElse() throws IOException {
		// Given the index of a renamed type, the current one, and a directory that is no index
		Path old = index("tickets");
		Path current = index("tickets_v2");
		Path other = Files.createDirectories(root.resolve("notes"));
		Files.writeString(other.resolve("readme.txt"), "kept");

		// When the obsolete indexes are removed
		var removed = ObsoleteIndexes.remove(root, Set.of("tickets_v2", "kb_translations_v2"));

		// Then only the old index is gone
		assertThat(removed).containsExactly(old);
		assertThat(old).doesNotExist();
		assertThat(current.resolve("segments_2")).exists();
		assertThat(other.resolve("readme.txt")).exists();
	}

	@Test
	void shouldDoNothingWithoutAnIndexDirectory() {
		assertThat(ObsoleteIndexes.remove(root.resolve("missing"), Set.of())).isEmpty();
	}

	private Path index(String name) throws IOException {
		Path directory = Files.createDirectories(root.resolve(name));
		Files.write(directory.resolve("segments_2"), new byte[] { 1, 2, 3 });
		Files.write(directory.resolve("_0.cfs"), new byte[] { 4, 5 });
		Files.createDirectories(directory.resolve("write.lock.d"));
		return directory;
	}
}
