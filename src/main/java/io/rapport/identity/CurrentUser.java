package io.rapport.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the {@link AuthenticatedUser} of the request into a controller method (null for an anonymous visitor).
 * Resolved by a plain argument resolver rather than {@code @AuthenticationPrincipal(expression = …)}, whose
 * expression Spring Security parses on every call (5% of the API's CPU in the 2026-12-01 profile).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrentUser {
}
