package io.rapport.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Serializes an event once, however many listeners it has. The publication registry stores one row per event and
 * listener and serializes the event for each row: a new ticket has three listeners, a customer's reply four, and
 * JSON writing was a tenth of the registry's cost (docs/benchmarks.md). Events are immutable records, published
 * and stored on one thread, so the last event a thread serialized and its JSON are kept for that thread.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

	@Bean
	static BeanPostProcessor serializeEachEventOnce() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof EventSerializer serializer && !(bean instanceof OncePerEvent)
						? new OncePerEvent(serializer) : bean;
			}
		};
	}

	/** An {@link EventSerializer} that remembers, per thread, the last event it wrote and what it wrote. */
	static final class OncePerEvent implements EventSerializer {

		private final EventSerializer delegate;

		private final ThreadLocal<Object[]> last = new ThreadLocal<>();

		OncePerEvent(EventSerializer delegate) {
			this.delegate = delegate;
		}

		@Override
		public Object serialize(Object event) {
			Object[] previous = last.get();
			if (previous != null && previous[0] == event) {
				return previous[1];
			}
			Object serialized = delegate.serialize(event);
			last.set(new Object[] { event, serialized });
			return serialized;
		}

		@Override
		public <T> T deserialize(Object serialized, Class<T> type) {
			return delegate.deserialize(serialized, type);
		}

	}

}
