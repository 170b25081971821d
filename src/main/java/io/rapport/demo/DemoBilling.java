package io.rapport.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.rapport.billing.StripeEventsApi;
import io.rapport.shared.RapportProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Admin → Billing alive on first start: a few Stripe events as Stripe would have sent them: a customer mapped to
 * Northwind Logistics by its email domain, a paid invoice, an event of a type Rapport ignores, and a customer whose
 * domain no account has, with its subscription waiting for an admin to map it. Nothing here changes the demo's
 * revenue until that admin does.
 */
@Component
class DemoBilling {

	private static final Logger log = LoggerFactory.getLogger(DemoBilling.class);

	private final StripeEventsApi stripe;

	private final RapportProperties properties;

	private final Clock clock;

	DemoBilling(StripeEventsApi stripe, RapportProperties properties, Clock clock) {
		this.stripe = stripe;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void create() {
		if (!properties.demo().enabled() || stripe.anyEvents()) {
			return;
		}
		try {
			List<String> outcomes = record();
			log.info("Demo billing: {} Stripe events on Admin → Billing ({}), one customer left to map", outcomes.size(),
					outcomes);
		}
		catch (RuntimeException e) {
			log.warn("The demo's Stripe events could not be recorded", e);
		}
	}

	/** The events, applied; their outcomes in order. */
	List<String> record() {
		long now = clock.instant().getEpochSecond();
		long start = now - 20 * 86_400;
		String[] events = {
				customer("evt_demo_0001", now - 30 * 86_400, "cus_DemoNorthwind01", "billing@northwind-logistics.example",
						"Northwind Logistics"),
				"""
						{"id":"evt_demo_0002","object":"event","type":"invoice.paid","created":%d,"data":{"object":{
						"id":"in_DemoNorthwind0001","object":"invoice","customer":"cus_DemoNorthwind01","amount_paid":49900,
						"currency":"usd","status":"paid","status_transitions":{"paid_at":%d}}}}"""
					.formatted(now - 2 * 86_400, now - 2 * 86_400),
				"""
						{"id":"evt_demo_0003","object":"event","type":"charge.succeeded","created":%d,"data":{"object":{
						"id":"ch_DemoNorthwind0001","object":"charge","customer":"cus_DemoNorthwind01","amount":49900,
						"currency":"usd","status":"succeeded"}}}""".formatted(now - 2 * 86_400 + 5),
				customer("evt_demo_0004", now - 21 * 86_400, "cus_DemoHarbour001", "accounts@harbourlight.example",
						"Harbourlight Studios"),
				"""
						{"id":"evt_demo_0005","object":"event","type":"customer.subscription.created","created":%d,
						"data":{"object":{"id":"sub_DemoHarbour001","object":"subscription","customer":"cus_DemoHarbour001",
						"status":"active","currency":"eur","start_date":%d,"created":%d,"current_period_end":%d,
						"cancellation_details":{"reason":null},"items":{"object":"list","data":[{"id":"si_DemoHarbour001",
						"quantity":4,"price":{"id":"price_DemoTeamMonthly","nickname":"Team","product":"prod_DemoTeam",
						"currency":"eur","unit_amount":2500,"recurring":{"interval":"month","interval_count":1}}}]}}}}"""
					.formatted(start, start, start, start + 30 * 86_400) };
		List<String> outcomes = new ArrayList<>();
		for (String event : events) {
			outcomes.add(stripe.applyTrusted(event.getBytes(StandardCharsets.UTF_8)));
		}
		return outcomes;
	}

	private static String customer(String id, long created, String customer, String email, String name) {
		return """
				{"id":"%s","object":"event","type":"customer.created","created":%d,"data":{"object":{"id":"%s",
				"object":"customer","email":"%s","name":"%s","created":%d}}}""".formatted(id, created, customer, email,
				name, created);
	}
}
