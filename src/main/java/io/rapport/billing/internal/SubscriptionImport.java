package io.rapport.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionCancellation;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.shared.TranslatableException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions from a CSV file: every row is checked first (row number, column, message); a file with any error is
 * refused whole and nothing is written, otherwise all rows are written in one transaction. A row whose account
 * already has a subscription of that plan started at that time is skipped, so importing the same file again adds
 * nothing. Times without a zone are UTC.
 */
@Service
class SubscriptionImport {

	static final List<String> COLUMNS = List.of("account", "plan", "mrrCents", "mrr", "currency", "seats", "startedAt",
			"renewsAt", "trialEndsAt", "cancelledAt", "cancelReason");

	static final int MAX_ROWS = 5000;

	record RowError(int row, String column, String message) {
	}

	record Row(int row, String account, Long accountId, String accountName, String plan, Long mrrCents,
			String currency, Integer seats, Instant startedAt, Instant renewsAt, Instant trialEndsAt,
			Instant cancelledAt, String cancelReason, String action, Long subscriptionId, List<RowError> errors) {
	}

	record Report(boolean dryRun, boolean written, int rows, int toCreate, int toSkip, List<Row> items,
			List<RowError> errors) {

		boolean refused() {
			return !errors.isEmpty();
		}
	}

	private final SubscriptionsApi subscriptions;

	private final AccountLookup lookup;

	private final MessageSource messages;

	SubscriptionImport(SubscriptionsApi subscriptions, AccountLookup lookup, MessageSource messages) {
		this.subscriptions = subscriptions;
		this.lookup = lookup;
		this.messages = messages;
	}

	/** Checks the file and, unless a dry run or refused, writes every row: all or nothing. */
	@Transactional
	Report run(String csv, boolean dryRun) {
		Report checked = check(csv);
		if (dryRun || checked.refused()) {
			return new Report(dryRun, false, checked.rows(), checked.toCreate(), checked.toSkip(), checked.items(),
					checked.errors());
		}
		List<Row> written = new ArrayList<>();
		for (Row r : checked.items()) {
			if (!"create".equals(r.action())) {
				written.add(r);
				continue;
			}
			SubscriptionView s = subscriptions.create(new NewSubscription(r.accountId(), r.plan(), r.mrrCents(),
					r.currency(), r.seats(), r.startedAt(), r.renewsAt(), r.trialEndsAt()), null);
			if (r.cancelledAt() != null) {
				subscriptions.cancel(s.id(), new SubscriptionCancellation(r.cancelledAt(), r.cancelReason()), null);
			}
			written.add(new Row(r.row(), r.account(), r.accountId(), r.accountName(), r.plan(), r.mrrCents(),
					r.currency(), r.seats(), r.startedAt(), r.renewsAt(), r.trialEndsAt(), r.cancelledAt(),
					r.cancelReason(), r.action(), s.id(), r.errors()));
		}
		return new Report(false, true, checked.rows(), checked.toCreate(), checked.toSkip(), written, List.of());
	}

	private Report check(String csv) {
		List<RowError> errors = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		List<List<String>> records = CsvRows.parse(csv == null ? "" : csv);
		int header = 0;
		while (header < records.size() && records.get(header).isEmpty()) {
			header++;
		}
		if (header >= records.size()) {
			errors.add(new RowError(1, "", text("billing.import.error.empty")));
			return new Report(true, false, 0, 0, 0, rows, errors);
		}
		Map<String, Integer> columns = new HashMap<>();
		List<String> names = records.get(header);
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).strip();
			String known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
			if (known == null) {
				errors.add(new RowError(header + 1, name, text("billing.import.error.column", name, String.join(", ", COLUMNS))));
			}
			else if (columns.putIfAbsent(known, i) != null) {
				errors.add(new RowError(header + 1, name, text("billing.import.error.twice", name)));
			}
		}
		for (String needed : List.of("account", "plan", "currency", "startedAt")) {
			if (!columns.containsKey(needed)) {
				errors.add(new RowError(header + 1, needed, text("billing.import.error.missingColumn", needed)));
			}
		}
		if (!columns.containsKey("mrrCents") && !columns.containsKey("mrr")) {
			errors.add(new RowError(header + 1, "mrrCents", text("billing.import.error.missingColumn", "mrrCents")));
		}
		if (!errors.isEmpty()) {
			return new Report(true, false, 0, 0, 0, rows, errors);
		}
		int dataRows = (int) records.stream().skip(header + 1).filter(r -> !r.isEmpty()).count();
		if (dataRows > MAX_ROWS) {
			errors.add(new RowError(header + 1, "", text("billing.import.error.tooMany", MAX_ROWS)));
			return new Report(true, false, dataRows, 0, 0, rows, errors);
		}
		Set<String> seen = new HashSet<>();
		Map<Long, List<SubscriptionView>> existing = new HashMap<>();
		int create = 0;
		int skip = 0;
		for (int i = header + 1; i < records.size(); i++) {
			List<String> record = records.get(i);
			if (record.isEmpty() || record.stream().allMatch(String::isBlank)) {
				continue;
			}
			Row row = row(i + 1, record, columns, seen, existing);
			rows.add(row);
			errors.addAll(row.errors());
			if ("create".equals(row.action())) {
				create++;
			}
			else if ("skip".equals(row.action())) {
				skip++;
			}
		}
		if (rows.isEmpty()) {
			errors.add(new RowError(header + 2, "", text("billing.import.error.empty")));
		}
		return new Report(true, false, rows.size(), create, skip, rows, errors);
	}

	private Row row(int n, List<String> record, Map<String, Integer> columns, Set<String> seen,
			Map<Long, List<SubscriptionView>> existing) {
		List<RowError> errors = new ArrayList<>();
		String accountText = value(record, columns, "account");
		AccountView account = null;
		try {
			account = lookup.find(accountText, "account");
		}
		catch (TranslatableException e) {
			errors.add(error(n, "account", e));
		}
		String plan = value(record, columns, "plan");
		if (plan == null) {
			errors.add(new RowError(n, "plan", text("billing.import.error.required")));
		}
		else if (plan.length() > 100) {
			errors.add(new RowError(n, "plan", text("billing.import.error.tooLong", 100)));
		}
		String currency = null;
		String currencyText = value(record, columns, "currency");
		if (currencyText == null) {
			errors.add(new RowError(n, "currency", text("billing.import.error.required")));
		}
		else {
			try {
				currency = Currency.getInstance(currencyText.toUpperCase(Locale.ROOT)).getCurrencyCode();
			}
			catch (IllegalArgumentException e) {
				errors.add(new RowError(n, "currency", text("billing.import.error.currency", currencyText)));
			}
		}
		Long mrr = mrr(n, record, columns, currency, errors);
		Integer seats = 1;
		String seatsText = value(record, columns, "seats");
		if (seatsText != null) {
			try {
				seats = Integer.parseInt(seatsText);
				if (seats < 1 || seats > 10_000_000) {
					throw new NumberFormatException();
				}
			}
			catch (NumberFormatException e) {
				errors.add(new RowError(n, "seats", text("billing.import.error.seats", seatsText)));
				seats = null;
			}
		}
		Instant started = time(n, record, columns, "startedAt", true, errors);
		Instant renews = time(n, record, columns, "renewsAt", false, errors);
		Instant trial = time(n, record, columns, "trialEndsAt", false, errors);
		Instant cancelled = time(n, record, columns, "cancelledAt", false, errors);
		if (started != null) {
			after(n, "renewsAt", renews, started, false, errors);
			after(n, "trialEndsAt", trial, started, false, errors);
			after(n, "cancelledAt", cancelled, started, true, errors);
		}
		String reason = value(record, columns, "cancelReason");
		if (reason != null && reason.length() > 500) {
			errors.add(new RowError(n, "cancelReason", text("billing.import.error.tooLong", 500)));
		}
		if (cancelled != null && reason == null) {
			reason = text("billing.import.defaultReason");
		}
		String action = null;
		if (errors.isEmpty()) {
			long accountId = account.id();
			String key = accountId + "\n" + plan.toLowerCase(Locale.ROOT) + "\n" + started;
			boolean known = existing.computeIfAbsent(accountId, subscriptions::ofAccount).stream()
				.anyMatch(s -> s.plan().equalsIgnoreCase(plan) && s.startedAt().equals(started));
			action = known || !seen.add(key) ? "skip" : "create";
		}
		return new Row(n, accountText, account == null ? null : account.id(), account == null ? null : account.name(),
				plan, mrr, currency, seats, started, renews, trial, cancelled, reason, action, null, errors);
	}

	private Long mrr(int n, List<String> record, Map<String, Integer> columns, String currency, List<RowError> errors) {
		String cents = value(record, columns, "mrrCents");
		String decimal = value(record, columns, "mrr");
		if (cents != null) {
			try {
				long value = Long.parseLong(cents);
				if (value < 0 || value > 100_000_000_000L) {
					throw new NumberFormatException();
				}
				return value;
			}
			catch (NumberFormatException e) {
				errors.add(new RowError(n, "mrrCents", text("billing.import.error.cents", cents)));
				return null;
			}
		}
		if (decimal != null) {
			int digits = currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
			try {
				BigDecimal amount = new BigDecimal(decimal);
				if (amount.signum() < 0 || amount.scale() > digits) {
					throw new NumberFormatException();
				}
				long value = amount.movePointRight(digits).longValueExact();
				if (value > 100_000_000_000L) {
					throw new NumberFormatException();
				}
				return value;
			}
			catch (NumberFormatException | ArithmeticException e) {
				errors.add(new RowError(n, "mrr", text("billing.import.error.amount", decimal, digits)));
				return null;
			}
		}
		errors.add(new RowError(n, columns.containsKey("mrrCents") ? "mrrCents" : "mrr",
				text("billing.import.error.required")));
		return null;
	}

	private Instant time(int n, List<String> record, Map<String, Integer> columns, String column, boolean required,
			List<RowError> errors) {
		String value = value(record, columns, column);
		if (value == null) {
			if (required) {
				errors.add(new RowError(n, column, text("billing.import.error.required")));
			}
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
				}
				catch (DateTimeParseException notDate) {
					errors.add(new RowError(n, column, text("billing.import.error.time", value)));
					return null;
				}
			}
		}
	}

	private void after(int n, String column, Instant value, Instant start, boolean orEqual, List<RowError> errors) {
		if (value != null && (value.isBefore(start) || (!orEqual && value.equals(start)))) {
			errors.add(new RowError(n, column, text("billing.import.error.beforeStart", value, start)));
		}
	}

	private static String value(List<String> record, Map<String, Integer> columns, String column) {
		Integer i = columns.get(column);
		if (i == null || i >= record.size()) {
			return null;
		}
		String v = record.get(i).strip();
		return v.isEmpty() ? null : v;
	}

	private RowError error(int n, String column, TranslatableException e) {
		return new RowError(n, column, messages.getMessage(e, LocaleContextHolder.getLocale()));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
