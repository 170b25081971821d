package io.rapport.channels.email.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;

/**
 * The mail sandbox's beans exist only when {@code rapport.mail.sandbox.enabled} is true (the embedded default) and
 * never under the {@code prod} profile, whatever the property says.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "rapport.mail.sandbox.enabled", havingValue = "true")
@Profile("!prod")
@interface SandboxEnabled {
}
