/**
 * The small open kernel every module may use: errors that map to HTTP problems, paging, safe HTML, time.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.rapport.shared;
