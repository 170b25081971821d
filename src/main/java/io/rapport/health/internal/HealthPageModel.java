package io.rapport.health.internal;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.rapport.accounts.Mrr;
import io.rapport.identity.AuthenticatedUser;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the account page's health section and the ticket page's health badge show, read by their templates
 * ({@code @health}) so that the tickets module's pages need no code of ours. Agents only: a customer sees nothing.
 */
@Component("health")
public class HealthPageModel {

	private final HealthReport report;

	private final Snapshots snapshots;

	private final java.time.Clock clock;

	HealthPageModel(HealthReport report, Snapshots snapshots, java.time.Clock clock) {
		this.report = report;
		this.snapshots = snapshots;
		this.clock = clock;
	}

	/** A band and score in one glance. */
	public record Badge(Integer score, String band, LocalDate day) {
	}

	/** The account's health against the window the page asked for ({@code ?window=}); null for non-agents. */
	public HealthReport.AccountHealth of(Long accountId) {
		AuthenticatedUser user = AuthenticatedUser.current();
		if (accountId == null || user == null || !user.isAgent()) {
			return null;
		}
		return report.of(accountId, window(), LocaleContextHolder.getLocale());
	}

	public Badge badge(Long accountId) {
		AuthenticatedUser user = AuthenticatedUser.current();
		if (accountId == null || user == null || !user.isAgent()) {
			return null;
		}
		return snapshots.latest(accountId).map(s -> new Badge(s.score(), s.band(), s.day())).orElse(null);
	}

	/**
	 * The last 90 days of scores as the points of an SVG polyline in a 300 × 60 box (higher is healthier, so up),
	 * drawn on the server: no script, nothing for the CSP to refuse. Empty with fewer than two scored days.
	 */
	public String sparkline(Long accountId) {
		if (accountId == null) {
			return "";
		}
		LocalDate today = LocalDate.ofInstant(java.time.Instant.now(clock), ZoneOffset.UTC);
		List<Snapshots.Snapshot> days = snapshots.history(accountId, today.minusDays(89), today).stream()
			.filter(s -> s.score() != null).toList();
		if (days.size() < 2) {
			return "";
		}
		StringBuilder points = new StringBuilder();
		for (Snapshots.Snapshot s : days) {
			long x = java.time.temporal.ChronoUnit.DAYS.between(today.minusDays(89), s.day());
			points.append(points.isEmpty() ? "" : " ").append(Math.round(x * 300.0 / 89)).append(',')
				.append(Math.round(58 - s.score() * 0.56));
		}
		return points.toString();
	}

	/** The trend window of this request: 7, 30 or 90 days (30 when absent or not one of them). */
	public int window() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			String asked = request.getRequest().getParameter("window");
			try {
				return report.window(asked);
			}
			catch (RuntimeException e) {
				return 30;
			}
		}
		return 30;
	}

	public List<Integer> windows() {
		return List.of(7, 30, 90);
	}

	/** A measure's value as a reader writes numbers, at most two decimals; a dash when missing. */
	public String number(Double value) {
		if (value == null) {
			return "—";
		}
		NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
		format.setMaximumFractionDigits(Math.abs(value) >= 100 ? 0 : value == Math.rint(value) ? 0 : 2);
		return format.format(value);
	}

	/** The change of a measure since the window's start, signed; empty when either is missing. */
	public String change(Double now, Double before) {
		if (now == null || before == null) {
			return "";
		}
		double delta = now - before;
		return (delta > 0 ? "+" : delta < 0 ? "−" : "±") + number(Math.abs(delta));
	}

	public String signed(Integer delta) {
		return delta == null ? "" : delta > 0 ? "+" + delta : delta < 0 ? "−" + Math.abs(delta) : "±0";
	}

	public String percent(Double probability) {
		return probability == null ? "—" : Math.round(probability * 100) + "%";
	}

	public String money(long cents, String currency) {
		return currency == null ? "—" : new Mrr(cents, currency).format(LocaleContextHolder.getLocale());
	}

	public String day(Instant at) {
		return at == null ? "—" : LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
	}

	public String band(String band) {
		return band == null ? "none" : band.toLowerCase(Locale.ROOT);
	}
}
