package io.rapport.tickets.internal;

import java.time.Instant;
import java.util.Set;

import io.rapport.tickets.Channel;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketType;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The queue filters and sort {@code GET /api/v1/tickets} takes beside its original parameters: {@code priority},
 * {@code type} and {@code channel} (repeat or comma-separate), {@code unassigned=true}, ISO-8601 instants for
 * {@code createdFrom}/{@code createdBefore}/{@code updatedFrom}/{@code updatedBefore}, and {@code sort} as
 * {@code number}, {@code -updated}, {@code priority}, ... (see {@link io.rapport.tickets.TicketSort}).
 */
record QueueParams(Set<TicketPriority> priority, Set<TicketType> type, Set<Channel> channel, Boolean unassigned,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdBefore,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedBefore,
		@Pattern(regexp = "-?[a-zA-Z]{1,20}") String sort) {
}
