package io.rapport.shared;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Tells at start, on Java older than 21, that production should run on 21 or newer: on Java 17 the same build
 * spends one and a half to two times the CPU per request, its JIT slower to settle (docs/deploy.md, "Which Java").
 */
@Component
class JavaVersionNotice implements StartupBanner {

	private final int feature;

	JavaVersionNotice() {
		this(Runtime.version().feature());
	}

	JavaVersionNotice(int feature) {
		this.feature = feature;
	}

	@Override
	public List<String> bannerLines() {
		return feature >= 21 ? List.of()
				: List.of("Running on Java " + feature + ": fine for a trial; for production use Java 21 or newer "
						+ "(docs/deploy.md, \"Which Java\").");
	}
}
