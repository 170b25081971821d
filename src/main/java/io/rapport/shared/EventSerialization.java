package io.rapport.shared;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serializes an event once, however many listeners it has. The publication registry stores one row per event and
 * listener and serializes the event for each row: a new ticket has three listeners, a customer's reply four, and
 * JSON writing was a tenth of the registry's cost (docs/benchmarks.md). Events are immutable records, published
 * and stored on one thread, so the last event a thread serialized and its JSON are kept for that thread. And the
 * application's {@link JsonMapper}, which Modulith's serializer looks up in the bean factory at every call (a
 * dependency resolution per event: 4% of a ticket creation's request samples on 2026-12-02), is looked up once.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

	@Bean
	static BeanPostProcessor serializeEachEventOnce(ObjectProvider<JsonMapper> mapper) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof EventSerializer serializer && !(bean instanceof OncePerEvent)
						? new OncePerEvent(serializer, mapper) : bean;
			}
		};
	}

	/** An {@link EventSerializer} that remembers, per thread, the last event it wrote and what it wrote. */
	static final class OncePerEvent implements EventSerializer {

		private final EventSerializer delegate;

		/** The application's mapper, the one Modulith's serializer uses, looked up once; null when there is none. */
		private final SingletonSupplier<JsonMapper> mapper;

		private final ThreadLocal<Object[]> last = new ThreadLocal<>();

		OncePerEvent(EventSerializer delegate, ObjectProvider<JsonMapper> mappers) {
			this.delegate = delegate;
			this.mapper = SingletonSupplier.of(mappers::getIfAvailable);
		}

		@Override
		public Object serialize(Object event) {
			Object[] previous = last.get();
			if (previous != null && previous[0] == event) {
				return previous[1];
			}
			JsonMapper json = mapper.get();
			Object serialized = json != null ? json.writeValueAsString(event) : delegate.serialize(event);
			last.set(new Object[] { event, serialized });
			return serialized;
		}

		@Override
		public <T> T deserialize(Object serialized, Class<T> type) {
			JsonMapper json = mapper.get();
			return json != null ? json.readerFor(type).readValue(serialized.toString())
					: delegate.deserialize(serialized, type);
		}

	}

}
