/** What pages share: the layout, sign-in, the home redirect, and error pages. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package io.rapport.web;
