package io.rapport.shared;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work (mail polling, outbox delivery, SLA timers, nightly scores) runs under a lock held in the
 * database ({@code shedlock} table), so that with several nodes each run happens on one of them. Each job is a
 * bean with a method that does one run and can be called directly: tests set {@code rapport.jobs.enabled=false}
 * and call it, instead of waiting for a timer.
 * <p>
 * A lock is taken for one minute ({@link #LOCK_AT_MOST_FOR}) and extended every half minute while its job runs
 * ({@link KeepAliveLockProvider}), so a long job keeps it, and a node that dies (kill -9, power) holds its jobs back
 * for at most a minute: with a fixed long lock, a crash stopped IMAP polling for 15 minutes and the outbox for 5.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rapport.jobs.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = JobsConfiguration.LOCK_AT_MOST_FOR)
class JobsConfiguration {

	/** How long a lock outlives a node that died holding it (the keep-alive's shortest). */
	static final String LOCK_AT_MOST_FOR = "PT1M";

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "job-lock-keep-alive");
			thread.setDaemon(true);
			return thread;
		});
		return new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build()), keepAlive);
	}
}
