package io.rapport;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Modules talk through their facades and events only; this fails the build when one reaches into another. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(RapportApplication.class);

	@Test
	void shouldKeepModuleBoundaries() {
		MODULES.verify();
	}
}
