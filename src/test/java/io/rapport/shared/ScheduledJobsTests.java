package io.rapport.shared;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scheduled job runs under the database lock, and the lock can be taken: ShedLock refuses, at every run, a
 * locked method that returns a value (the outbox sender once did, so it never ran on its timer). Locks are short
 * and kept alive, so a node that dies does not hold the jobs back for long.
 */
class ScheduledJobsTests {

	@Test
	void shouldLockEveryScheduledJobOnAMethodThatReturnsNothing() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		List<String> jobs = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		List<String> longLocks = new ArrayList<>();
		for (BeanDefinition bean : scanner.findCandidateComponents("io.rapport")) {
			for (Method method : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
				if (method.isAnnotationPresent(Scheduled.class)) {
					String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
					jobs.add(name);
					if (!method.isAnnotationPresent(SchedulerLock.class) || method.getReturnType() != void.class) {
						wrong.add(name);
					}
					else if (!method.getAnnotation(SchedulerLock.class).lockAtMostFor().isEmpty()) {
						longLocks.add(name);
					}
				}
			}
		}
		assertThat(jobs).contains("OutboxSender.run", "ImapPoller.pollDue", "InboundRetryJob.run",
				"CompletedEventCleanup.deleteOld");
		assertThat(wrong).as("scheduled without a lock, or locked but returning a value").isEmpty();
		assertThat(longLocks).as("a lock of its own length outlives a node that died holding it").isEmpty();
	}

	@Test
	void shouldKeepLocksShortAndAliveSoADeadNodeHoldsItsJobsBackForAMinuteAtMost() {
		LockProvider provider = new JobsConfiguration().lockProvider(new DriverManagerDataSource("jdbc:h2:mem:locks"));

		assertThat(provider).isInstanceOf(KeepAliveLockProvider.class);
		assertThat(Duration.parse(JobsConfiguration.LOCK_AT_MOST_FOR)).isLessThanOrEqualTo(Duration.ofMinutes(1));
		assertThat(JobsConfiguration.class.getAnnotation(EnableSchedulerLock.class).defaultLockAtMostFor())
			.isEqualTo(JobsConfiguration.LOCK_AT_MOST_FOR);
	}
}
