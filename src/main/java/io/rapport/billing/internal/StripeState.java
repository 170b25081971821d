package io.rapport.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;

import io.rapport.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * What Rapport keeps of a Stripe subscription object: the plan (the first item's price nickname, else its product
 * id), MRR = Σ unit_amount × quantity of its items normalized to a month (a year is 12 months, a week 52 ÷ 12 of a
 * month, a day 365 ÷ 12, each divided by interval_count), currency, seats (Σ quantity), status, start, trial end,
 * renewal (current_period_end), and when and why it ended.
 */
record StripeState(String plan, long mrrCents, String currency, int seats, String status, Instant startedAt,
		Instant trialEndsAt, Instant renewsAt, Instant endedAt, String reason) {

	static final int PLAN_LENGTH = 100;

	/** Canceled for good; {@code incomplete} is not a subscription yet (the first payment failed or waits). */
	boolean canceled() {
		return "canceled".equals(status) || "incomplete_expired".equals(status);
	}

	boolean pending() {
		return "incomplete".equals(status);
	}

	static StripeState of(JsonNode subscription, Instant eventCreated) {
		JsonNode items = subscription.path("items").path("data");
		BigDecimal monthly = BigDecimal.ZERO;
		String plan = null;
		String currency = text(subscription, "currency");
		int seats = 0;
		Instant renewsAt = time(subscription, "current_period_end");
		for (JsonNode item : items) {
			JsonNode price = item.path("price").isObject() ? item.path("price") : item.path("plan");
			JsonNode recurring = price.path("recurring");
			String interval = recurring.isObject() ? text(recurring, "interval") : text(price, "interval");
			long count = recurring.isObject() ? recurring.path("interval_count").asLong(1)
					: price.path("interval_count").asLong(1);
			long quantity = item.path("quantity").isNumber() ? item.path("quantity").asLong() : 1;
			BigDecimal unit = price.path("unit_amount").isNumber() ? BigDecimal.valueOf(price.path("unit_amount").asLong())
					: price.path("amount").isNumber() ? BigDecimal.valueOf(price.path("amount").asLong())
					: decimal(text(price, "unit_amount_decimal"));
			if (interval == null || unit == null) {
				throw InvalidInputException.of("items", "errors.billing.not-recurring", text(price, "id"));
			}
			monthly = monthly.add(perMonth(unit.multiply(BigDecimal.valueOf(quantity)), interval, Math.max(1, count)));
			seats += (int) Math.min(quantity, 10_000_000);
			if (plan == null) {
				plan = firstText(price, "nickname", "product");
				if (plan == null) {
					plan = price.path("product").path("id").isString() ? price.path("product").path("id").stringValue()
							: text(price, "id");
				}
				if (currency == null) {
					currency = text(price, "currency");
				}
				if (renewsAt == null) {
					renewsAt = time(item, "current_period_end");
				}
			}
		}
		if (plan == null) {
			throw InvalidInputException.of("items", "errors.billing.no-items", text(subscription, "id"));
		}
		if (currency == null) {
			throw InvalidInputException.of("currency", "errors.subscription.currency", "");
		}
		Instant started = time(subscription, "start_date");
		if (started == null) {
			started = time(subscription, "created");
		}
		if (started == null) {
			started = eventCreated;
		}
		Instant trialEnd = time(subscription, "trial_end");
		Instant ended = time(subscription, "ended_at");
		if (ended == null) {
			ended = time(subscription, "canceled_at");
		}
		JsonNode details = subscription.path("cancellation_details");
		String reason = firstText(details, "reason", "feedback");
		plan = plan.strip();
		return new StripeState(plan.length() > PLAN_LENGTH ? plan.substring(0, PLAN_LENGTH) : plan,
				monthly.setScale(0, RoundingMode.HALF_UP).longValueExact(), currency.toUpperCase(Locale.ROOT),
				Math.max(1, seats), text(subscription, "status"), started,
				trialEnd != null && trialEnd.isAfter(started) ? trialEnd : null,
				renewsAt != null && renewsAt.isAfter(started) ? renewsAt : null, ended, reason);
	}

	static BigDecimal perMonth(BigDecimal amount, String interval, long count) {
		BigDecimal c = BigDecimal.valueOf(count);
		return switch (interval) {
			case "month" -> amount.divide(c, 6, RoundingMode.HALF_UP);
			case "year" -> amount.divide(c.multiply(BigDecimal.valueOf(12)), 6, RoundingMode.HALF_UP);
			case "week" -> amount.multiply(BigDecimal.valueOf(52)).divide(c.multiply(BigDecimal.valueOf(12)), 6,
					RoundingMode.HALF_UP);
			case "day" -> amount.multiply(BigDecimal.valueOf(365)).divide(c.multiply(BigDecimal.valueOf(12)), 6,
					RoundingMode.HALF_UP);
			default -> throw InvalidInputException.of("interval", "errors.billing.not-recurring", interval);
		};
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
	}

	static String firstText(JsonNode node, String... fields) {
		for (String field : fields) {
			String value = text(node, field);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	static Instant time(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNumber() ? Instant.ofEpochSecond(value.asLong()) : null;
	}

	private static BigDecimal decimal(String value) {
		try {
			return value == null ? null : new BigDecimal(value);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
