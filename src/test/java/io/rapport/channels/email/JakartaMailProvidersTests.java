package io.rapport.channels.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Jakarta Mail's stream provider named once, so that each body part does not scan the class path for it. */
class JakartaMailProvidersTests {

	private String before;

	@BeforeEach
	void forget() {
		JakartaMailProviders.install(); // the class's own first run (its static initializer) is over before the test
		before = System.getProperty(JakartaMailProviders.PROPERTY);
		System.clearProperty(JakartaMailProviders.PROPERTY);
	}

	@AfterEach
	void restore() {
		if (before == null) {
			System.clearProperty(JakartaMailProviders.PROPERTY);
		}
		else {
			System.setProperty(JakartaMailProviders.PROPERTY, before);
		}
	}

	@Test
	void shouldNameAngusMailsProviderWhereTheLookupReadsItFirst() throws Exception {
		assertThat(JakartaMailProviders.install()).isTrue();

		assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(JakartaMailProviders.ANGUS);
		assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(JakartaMailProviders.ANGUS);
		// and mail is still made with it: a multipart message written out whole
		MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Grüße, 你好", "UTF-8", "plain");
		alternative.addBodyPart(text);
		message.setContent(alternative);
		message.saveChanges();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		assertThat(out.toString(StandardCharsets.US_ASCII)).contains("multipart/alternative")
			.contains("Content-Transfer-Encoding");
	}

	@Test
	void shouldLeaveAnOperatorsOwnProviderAlone() {
		System.setProperty(JakartaMailProviders.PROPERTY, "com.example.OwnStreamProvider");

		assertThat(JakartaMailProviders.install()).isFalse();

		assertThat(System.getProperty(JakartaMailProviders.PROPERTY)).isEqualTo("com.example.OwnStreamProvider");
	}
}
