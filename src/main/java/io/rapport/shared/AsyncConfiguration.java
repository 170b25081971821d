package io.rapport.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Runs {@code @ApplicationModuleListener}s (which are {@code @Async}) on Boot's task executor, off the thread of
 * the request whose transaction published the event, so a slow listener never delays the answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {
}
