package io.rapport.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.rapport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings kept in memory are read once per period, at once after an edit, and never kept from a rolled-back read. */
class RereadTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));

	private final AtomicInteger reads = new AtomicInteger();

	private final Reread<Integer> value = new Reread<>(reads::incrementAndGet, Duration.ofSeconds(30), clock);

	@AfterEach
	void noTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void shouldReadOncePerPeriodAndAgainWhenThePeriodHasPassed() {
		assertThat(value.get()).isEqualTo(1);
		clock.advance(Duration.ofSeconds(30));
		assertThat(value.get()).isEqualTo(1);
		clock.advance(Duration.ofSeconds(1));
		assertThat(value.get()).isEqualTo(2);
		assertThat(reads).hasValue(2);
	}

	@Test
	void shouldReadAgainAfterAnEditOnThisNodeAndWhenTheClockGoesBack() {
		value.get();
		value.forget();
		assertThat(value.get()).isEqualTo(2);
		clock.advance(Duration.ofSeconds(-5));
		assertThat(value.get()).isEqualTo(3);
	}

	@Test
	void shouldForgetAValueReadInATransactionThatRolledBackButKeepOneThatCommitted() {
		TransactionSynchronizationManager.initSynchronization();
		assertThat(value.get()).isEqualTo(1);
		end(TransactionSynchronization.STATUS_ROLLED_BACK);
		assertThat(value.get()).isEqualTo(2);

		TransactionSynchronizationManager.initSynchronization();
		value.forget();
		assertThat(value.get()).isEqualTo(3); // read inside the edit's transaction: the edit is not committed yet
		end(TransactionSynchronization.STATUS_COMMITTED);
		assertThat(value.get()).isEqualTo(4);

		TransactionSynchronizationManager.initSynchronization();
		value.get();
		end(TransactionSynchronization.STATUS_COMMITTED);
		assertThat(value.get()).isEqualTo(4);
	}

	private static void end(int status) {
		var synchronizations = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		synchronizations.forEach(s -> s.afterCompletion(status));
	}


	@Test
	void shouldNotKeepAValueWhoseReadBeganBeforeAnEdit() throws Exception {
		java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch edited = new java.util.concurrent.CountDownLatch(1);
		AtomicInteger version = new AtomicInteger(1);
		Reread<Integer> slow = new Reread<>(() -> {
			int seen = version.get();
			if (reads.incrementAndGet() == 1) { // the first read sees the old version, then the edit commits
				reading.countDown();
				await(edited);
			}
			return seen;
		}, Duration.ofSeconds(30), clock);
		Thread other = new Thread(slow::get);
		other.start();
		await(reading);
		version.set(2);
		slow.forget();
		edited.countDown();
		other.join(10_000);

		assertThat(slow.get()).isEqualTo(2);
		assertThat(reads).hasValue(2);
	}

	private static void await(java.util.concurrent.CountDownLatch latch) {
		try {
			assertThat(latch.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
