package io.rapport.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text Rapport accepts: valid Unicode without NUL characters. PostgreSQL refuses NUL in text columns
 * ({@code invalid byte sequence for encoding "UTF8": 0x00}) and a lone surrogate breaks encoders and H2's search,
 * so both are refused where they come in (JSON here, parameters in {@link InputFilter}) with a 400 that
 * names the field, instead of being stripped silently or failing deep inside as a 500.
 */
@Configuration(proxyBeanMethods = false)
public class TextRules {

	public static final String RULE = "must not contain NUL characters or broken Unicode";

	/** Whether the text may be stored: no NUL, no unpaired surrogate. */
	public static boolean acceptable(String text) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	@Bean
	JacksonModule textRulesModule() {
		return new SimpleModule("rapport-text-rules").addDeserializer(String.class, new AcceptableStrings());
	}

	/** Every JSON string goes through here, wherever it sits in the body; the path is added by Jackson. */
	static final class AcceptableStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (!acceptable(value)) {
				throw InvalidFormatException.from(parser, RULE, value, String.class);
			}
			return value;
		}
	}
}
