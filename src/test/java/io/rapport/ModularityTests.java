package io.rapport;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.events.ApplicationModuleListener;

import static org.assertj.core.api.Assertions.assertThat;

/** Modules talk through their facades and events only; this fails the build when one reaches into another. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(RapportApplication.class);

	@Test
	void shouldKeepModuleBoundaries() {
		MODULES.verify();
	}

	/**
	 * Spring asks a listener's condition when the publication is stored and again at delivery: a condition that
	 * reads anything but the event (a bean, {@code @name}) may answer differently the second time and leave the
	 * stored publication undelivered forever (docs/decisions.md, "What a new ticket sets off is kept small").
	 */
	@Test
	void shouldConditionListenersOnTheEventAlone() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata()
			.hasAnnotatedMethods(ApplicationModuleListener.class.getName()));
		List<String> conditions = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.rapport")) {
			for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
				ApplicationModuleListener listener = method.getAnnotation(ApplicationModuleListener.class);
				if (listener != null && !listener.condition().isEmpty()) {
					conditions.add(method.getDeclaringClass().getSimpleName() + "." + method.getName() + ": "
							+ listener.condition());
				}
			}
		}

		assertThat(conditions).isNotEmpty().noneMatch(condition -> condition.contains("@"));
	}
}
