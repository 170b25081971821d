package io.rapport.surveys.nps;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often a contact may be asked ({@code rapport.nps.throttle-days}, 90 by default, whatever the campaigns) and
 * how long an invitation's links and banner stay open ({@code rapport.nps.link-days}, 30 by default).
 */
@Component
class NpsSettings {

	private final int throttleDays;

	private final int linkDays;

	NpsSettings(@Value("${rapport.nps.throttle-days:90}") int throttleDays,
			@Value("${rapport.nps.link-days:30}") int linkDays) {
		this.throttleDays = throttleDays;
		this.linkDays = linkDays;
	}

	Duration throttle() {
		return Duration.ofDays(throttleDays);
	}

	Duration linkValidity() {
		return Duration.ofDays(linkDays);
	}

	int throttleDays() {
		return throttleDays;
	}

	int linkDays() {
		return linkDays;
	}
}
