package io.rapport.shared;

import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Runs {@code @ApplicationModuleListener}s (which are {@code @Async}) on Boot's task executor, off the thread of
 * the request whose transaction published the event, so a slow listener never delays the answer.
 * <p>
 * Each listener holds a database connection, so at most {@code rapport.async.concurrency} run at once. The bound is
 * taken by the task when it starts, never by the thread that hands it over: that thread is committing a transaction
 * and still holds its connection (Spring calls after-commit listeners before it releases it). Boot's own limit for
 * virtual threads ({@code spring.task.execution.simple.concurrency-limit}) blocks the submitter instead, and under
 * load every connection ended up held by a request waiting for a listener slot while the listeners waited for a
 * connection: a 30-second stall ending in "Connection is not available" (docs/benchmarks.md). On Java 17 Boot uses a
 * pool of 8 threads with a queue, which never blocked the submitter; the semaphore changes nothing there.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {

	@Bean
	TaskDecorator boundedListeners(@Value("${rapport.async.concurrency:8}") int concurrency) {
		Semaphore running = new Semaphore(concurrency, true);
		return task -> () -> {
			running.acquireUninterruptibly();
			try {
				task.run();
			}
			finally {
				running.release();
			}
		};
	}
}
