package io.rapport.shared;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scheduled job runs under the database lock, and the lock can be taken: ShedLock refuses, at every run, a
 * locked method that returns a value (the outbox sender once did, so it never ran on its timer).
 */
class ScheduledJobsTests {

	@Test
	void shouldLockEveryScheduledJobOnAMethodThatReturnsNothing() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		List<String> jobs = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		for (BeanDefinition bean : scanner.findCandidateComponents("io.rapport")) {
			for (Method method : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
				if (method.isAnnotationPresent(Scheduled.class)) {
					String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
					jobs.add(name);
					if (!method.isAnnotationPresent(SchedulerLock.class) || method.getReturnType() != void.class) {
						wrong.add(name);
					}
				}
			}
		}
		assertThat(jobs).contains("OutboxSender.run", "ImapPoller.pollDue", "InboundRetryJob.run",
				"CompletedEventCleanup.deleteOld");
		assertThat(wrong).as("scheduled without a lock, or locked but returning a value").isEmpty();
	}
}
