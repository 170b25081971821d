package io.rapport.shared;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** An event with several listeners is written to JSON once; another event, even an equal one, is written again. */
class EventSerializationTests {

	record Happened(long id) {
	}

	private static final ObjectProvider<JsonMapper> NO_MAPPER = new StaticListableBeanFactory()
		.getBeanProvider(JsonMapper.class);

	@Test
	void shouldWriteAndReadWithTheApplicationsMapper() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("jsonMapper", JsonMapper.builder().build());
		EventSerializer serializer = new EventSerialization.OncePerEvent(null, beans.getBeanProvider(JsonMapper.class));

		Object json = serializer.serialize(new Happened(7));

		assertThat(json).isEqualTo("{\"id\":7}");
		assertThat(serializer.deserialize(json, Happened.class)).isEqualTo(new Happened(7));
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
		EventSerializer once = new EventSerialization.OncePerEvent(counting, NO_MAPPER);
		Happened first = new Happened(1);

		assertThat(once.serialize(first)).isEqualTo(once.serialize(first)).isEqualTo("{\"id\":1,\"write\":1}");
		assertThat(once.serialize(new Happened(1))).isEqualTo("{\"id\":1,\"write\":2}");
		assertThat(once.serialize(new Happened(2))).isEqualTo("{\"id\":2,\"write\":3}");
		assertThat(writes).hasValue(3);
	}

	@Test
	void shouldWrapTheSerializerTheRegistryUsesOnlyOnce() {
		var processor = EventSerialization.serializeEachEventOnce(NO_MAPPER);
		Object wrapped = processor.postProcessAfterInitialization(new EventSerialization.OncePerEvent(null, NO_MAPPER), "x");
		assertThat(processor.postProcessAfterInitialization(wrapped, "x")).isSameAs(wrapped);
		assertThat(processor.postProcessAfterInitialization("not a serializer", "y")).isEqualTo("not a serializer");
	}

}
