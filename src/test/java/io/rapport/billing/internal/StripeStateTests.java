package io.rapport.billing.internal;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** MRR from Stripe prices of every interval, the plan's name, and Stripe's signature scheme. */
class StripeStateTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldNormalizeEveryIntervalToAMonth() {
		assertThat(mrr("year", 1, 120000, 2)).isEqualTo(20000);
		assertThat(mrr("month", 3, 3000, 1)).isEqualTo(1000);
		assertThat(mrr("week", 1, 1200, 1)).isEqualTo(5200);
		assertThat(mrr("day", 1, 100, 1)).isEqualTo(3042);
		assertThat(mrr("year", 2, 100, 1)).isEqualTo(4);
	}

	@Test
	void shouldNameThePlanByNicknameElseProductAndSumItems() {
		var state = StripeState.of(JSON.readTree("""
				{"id":"sub_1","status":"trialing","start_date":1700000000,"trial_end":1701000000,
				 "items":{"data":[
				   {"quantity":2,"price":{"id":"price_a","product":"prod_base","currency":"usd","unit_amount":1000,
				     "recurring":{"interval":"month","interval_count":1}},"current_period_end":1702000000},
				   {"quantity":1,"price":{"id":"price_b","product":"prod_addon","currency":"usd","unit_amount_decimal":"1200",
				     "recurring":{"interval":"year","interval_count":1}}}]}}"""), Instant.EPOCH);
		assertThat(state.plan()).isEqualTo("prod_base");
		assertThat(state.mrrCents()).isEqualTo(2100);
		assertThat(state.seats()).isEqualTo(3);
		assertThat(state.currency()).isEqualTo("USD");
		assertThat(state.trialEndsAt()).isEqualTo(Instant.ofEpochSecond(1701000000));
		assertThat(state.renewsAt()).isEqualTo(Instant.ofEpochSecond(1702000000));
		assertThat(state.canceled()).isFalse();
	}

	@Test
	void shouldCheckSignaturesAsStripeDocumentsThem() {
		byte[] body = "{\"id\":\"evt_1\"}".getBytes();
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		String header = StripeSignature.header(now.getEpochSecond(), body, "whsec_abc");
		Duration tolerance = StripeSignature.DEFAULT_TOLERANCE;
		assertThat(StripeSignature.valid(header, body, "whsec_abc", now, tolerance)).isTrue();
		assertThat(StripeSignature.valid(header, body, "whsec_abd", now, tolerance)).isFalse();
		assertThat(StripeSignature.valid(header, body, "whsec_abc", now.plusSeconds(301), tolerance)).isFalse();
		assertThat(StripeSignature.valid(header, body, "whsec_abc", now.minusSeconds(300), tolerance)).isTrue();
		assertThat(StripeSignature.valid(header.replace("v1=", "v1=zz,v1="), body, "whsec_abc", now, tolerance)).isTrue();
		assertThat(StripeSignature.valid(header.replace("v1=", "v0="), body, "whsec_abc", now, tolerance)).isFalse();
		assertThat(StripeSignature.valid("t=abc," + header.substring(header.indexOf("v1")), body, "whsec_abc", now,
				tolerance)).isFalse();
	}

	private static long mrr(String interval, int count, long unit, int quantity) {
		return StripeState.of(JSON.readTree("""
				{"id":"sub_x","status":"active","start_date":1700000000,"items":{"data":[{"quantity":%d,
				 "price":{"id":"p","nickname":"Plan","currency":"eur","unit_amount":%d,
				 "recurring":{"interval":"%s","interval_count":%d}}}]}}""".formatted(quantity, unit, interval, count)),
				Instant.EPOCH).mrrCents();
	}
}
