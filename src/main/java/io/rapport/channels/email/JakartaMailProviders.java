package io.rapport.channels.email;

import jakarta.mail.util.StreamProvider;

import org.springframework.context.annotation.Configuration;

/**
 * Names Jakarta Mail's stream provider once, at start. Jakarta Mail 2.1 looks its {@link StreamProvider} up again
 * for every {@code MimeBodyPart}, {@code Multipart} and encoded text it makes (jakartaee/mail-api#699 and #861; cached
 * only from 2.2 on), and without a name that lookup is a {@code ServiceLoader} scan of the class path: in Rapport's
 * jar, three quarters of the CPU of sending a mail from the outbox (docs/benchmarks.md, 2026-12-03). Its
 * {@code FactoryFinder} reads a system property of the interface's name before it scans, so with the provider named
 * there a lookup is a class found by name. An operator's own value is left alone, and a class loader that cannot see
 * the provider falls back to the scan, as before.
 */
@Configuration(proxyBeanMethods = false)
class JakartaMailProviders {

	static final String PROPERTY = StreamProvider.class.getName();

	/** Angus Mail's provider, the implementation Rapport ships. */
	static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

	static {
		install();
	}

	/** Sets the property unless it is set; answers whether this call set it. */
	static boolean install() {
		synchronized (System.getProperties()) {
			if (System.getProperty(PROPERTY) != null) {
				return false;
			}
			System.setProperty(PROPERTY, ANGUS);
			return true;
		}
	}
}
