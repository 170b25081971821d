package io.rapport.shared;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener executor as Boot builds it on virtual threads (a thread per task), with Rapport's bound: handing
 * over a task never waits (the thread that hands it over is committing and holds a database connection), and no
 * more than the bound run at once.
 */
class AsyncConfigurationTests {

	@Test
	void shouldNeverBlockTheThreadThatHandsOverAListenerAndRunAtMostTheBoundAtOnce() throws Exception {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("listener-");
		executor.setTaskDecorator(new AsyncConfiguration().boundedListeners(3));
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(10);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();

		CountDownLatch handedOver = new CountDownLatch(1);
		Thread committer = new Thread(() -> { // with a blocking limit of 3 the fourth hand-over would wait
			for (int i = 0; i < 10; i++) {
				executor.execute(() -> {
					most.accumulateAndGet(running.incrementAndGet(), Math::max);
					try {
						release.await();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					running.decrementAndGet();
					done.countDown();
				});
			}
			handedOver.countDown();
		});
		committer.start();

		assertThat(handedOver.await(10, TimeUnit.SECONDS)).as("all ten handed over while three run").isTrue();
		release.countDown();

		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(most.get()).isBetween(1, 3);
	}
}
