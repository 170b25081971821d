package io.rapport.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page controller of the agent workspace or the admin area. Such a controller's pages get the layout's
 * navigation ({@code nav}) and the workspace's error pages, whatever module it lives in, without the {@code web}
 * module knowing that module. Put it beside {@code @Controller}; the customer portal has its own pages and does not
 * use it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WorkspacePage {
}
