package io.rapport.shared;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/** An event with several listeners is written to JSON once; another event, even an equal one, is written again. */
class EventSerializationTests {

	record Happened(long id) {
	}

	@Test
	void shouldSerializeTheSameEventOnceAndAnyOtherEventAgain() {
		AtomicInteger writes = new AtomicInteger();
		EventSerializer counting = new EventSerializer() {
			@Override
			public Object serialize(Object event) {
				return "{\"id\":" + ((Happened) event).id() + ",\"write\":" + writes.incrementAndGet() + "}";
			}

			@Override
			public <T> T deserialize(Object serialized, Class<T> type) {
				throw new UnsupportedOperationException();
			}
		};
		EventSerializer once = new EventSerialization.OncePerEvent(counting);
		Happened first = new Happened(1);

		assertThat(once.serialize(first)).isEqualTo(once.serialize(first)).isEqualTo("{\"id\":1,\"write\":1}");
		assertThat(once.serialize(new Happened(1))).isEqualTo("{\"id\":1,\"write\":2}");
		assertThat(once.serialize(new Happened(2))).isEqualTo("{\"id\":2,\"write\":3}");
		assertThat(writes).hasValue(3);
	}

	@Test
	void shouldWrapTheSerializerTheRegistryUsesOnlyOnce() {
		var processor = EventSerialization.serializeEachEventOnce();
		Object wrapped = processor.postProcessAfterInitialization(new EventSerialization.OncePerEvent(null), "x");
		assertThat(processor.postProcessAfterInitialization(wrapped, "x")).isSameAs(wrapped);
		assertThat(processor.postProcessAfterInitialization("not a serializer", "y")).isEqualTo("not a serializer");
	}

}
