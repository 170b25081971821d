/** The account timeline of the customer 360 page, contributed to by every module that knows about an account. */
package io.rapport.shared.timeline;
