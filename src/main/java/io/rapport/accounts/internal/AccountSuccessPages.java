package io.rapport.accounts.internal;

import java.time.Instant;
import java.util.Map;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionCancellation;
import io.rapport.accounts.SubscriptionChange;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the account page's customer-success sections: subscriptions (add, change, cancel, reactivate),
 * stage, owner and pinned note. Each goes back to the account page with a notice, or the error in words.
 */
@Controller
@WorkspacePage
class AccountSuccessPages {

	/** The label of the form field an API field is entered in, to name it in an error. */
	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("plan", "success.plan"),
			Map.entry("mrrCents", "success.mrr"), Map.entry("currency", "success.currency"),
			Map.entry("seats", "success.seats"), Map.entry("startedAt", "success.started"),
			Map.entry("renewsAt", "success.renewal"), Map.entry("trialEndsAt", "success.trialEnd"),
			Map.entry("effectiveAt", "success.effective"), Map.entry("reason", "success.cancelReason"),
			Map.entry("stage", "success.stage"), Map.entry("ownerId", "success.owner"));

	private final AccountsApi accounts;

	private final SubscriptionsApi subscriptions;

	private final SuccessAccess access;

	private final PageForms forms;

	AccountSuccessPages(AccountsApi accounts, SubscriptionsApi subscriptions, SuccessAccess access, PageForms forms) {
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.access = access;
		this.forms = forms;
	}

	@PostMapping("/accounts/{id}/subscriptions")
	String add(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String mrr, @RequestParam(defaultValue = "EUR") String currency,
			@RequestParam(required = false) String seats, @RequestParam(required = false) String startedOn,
			@RequestParam(required = false) String renewsOn, @RequestParam(required = false) String trialEndsOn,
			RedirectAttributes redirect) {
		return act(user, id, redirect, "#subscriptions", () -> {
			Long cents = SuccessForms.cents(mrr, currency, "mrrCents");
			Integer seatCount = SuccessForms.number(seats, "seats");
			Instant started = SuccessForms.day(startedOn, "startedAt");
			SubscriptionView created = subscriptions.create(new NewSubscription(id, required(plan, "plan"),
					required(cents, "mrrCents"), currency, required(seatCount, "seats"), required(started, "startedAt"),
					SuccessForms.day(renewsOn, "renewsAt"), SuccessForms.day(trialEndsOn, "trialEndsAt")), user.id());
			return forms.message("success.subscription.added", created.plan());
		});
	}

	@PostMapping("/subscriptions/{id}/change")
	String change(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String plan, @RequestParam(required = false) String mrr,
			@RequestParam(required = false) String seats, @RequestParam(required = false) String effectiveOn,
			RedirectAttributes redirect) {
		SubscriptionView s = subscription(user, id);
		return act(user, s.accountId(), redirect, "#subscriptions", () -> {
			String newPlan = plan == null || plan.isBlank() || plan.strip().equals(s.plan()) ? null : plan.strip();
			Long cents = SuccessForms.cents(mrr, s.currency(), "mrrCents");
			Integer seatCount = SuccessForms.number(seats, "seats");
			Instant at = required(SuccessForms.day(effectiveOn, "effectiveAt"), "effectiveAt");
			subscriptions.change(id, new SubscriptionChange(newPlan, cents, seatCount, at), user.id());
			return forms.message("success.subscription.changed", s.plan());
		});
	}

	@PostMapping("/subscriptions/{id}/cancel")
	String cancel(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String effectiveOn, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		SubscriptionView s = subscription(user, id);
		return act(user, s.accountId(), redirect, "#subscriptions", () -> {
			Instant at = required(SuccessForms.day(effectiveOn, "effectiveAt"), "effectiveAt");
			subscriptions.cancel(id, new SubscriptionCancellation(at, required(blank(reason), "reason")), user.id());
			return forms.message("success.subscription.cancelled", s.plan());
		});
	}

	@PostMapping("/accounts/{id}/stage")
	String stage(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String stage, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(user, id, redirect, "#stage", () -> {
			LifecycleStage to = parseStage(stage);
			accounts.moveStage(id, to, reason == null ? null : reason.substring(0, Math.min(500, reason.length())), user);
			return forms.message("success.stage.moved", forms.message("success.stage." + to));
		});
	}

	@PostMapping("/accounts/{id}/owner")
	String owner(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) Long ownerId, RedirectAttributes redirect) {
		return act(user, id, redirect, "#owner", () -> {
			accounts.setOwner(id, ownerId);
			return forms.message(ownerId == null ? "success.owner.cleared" : "success.owner.set");
		});
	}

	@PostMapping("/accounts/{id}/note")
	String note(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		user.requireAgent();
		requireAccount(id);
		String text = note == null ? null : note.substring(0, Math.min(2000, note.length()));
		try {
			accounts.pinNote(id, text, user);
			redirect.addFlashAttribute("successNotice", forms.message(text == null || text.isBlank()
					? "success.note.unpinned" : "success.note.pinned"));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("successError", forms.message(e));
		}
		return "redirect:/accounts/" + id + "#owner";
	}

	/** Runs a writer's change and goes back to the account page, with its notice or its error in words. */
	private String act(AuthenticatedUser user, long accountId, RedirectAttributes redirect, String anchor,
			java.util.function.Supplier<String> change) {
		access.requireWriter(user);
		requireAccount(accountId);
		try {
			redirect.addFlashAttribute("successNotice", change.get());
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("successError", forms.message(LABELS.getOrDefault(e.field(), "success.account"))
					+ ": " + forms.message(e));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("successError", forms.message(e));
		}
		return "redirect:/accounts/" + accountId + anchor;
	}

	private SubscriptionView subscription(AuthenticatedUser user, long id) {
		user.requireAgent();
		return subscriptions.subscription(id);
	}

	private void requireAccount(long id) {
		accounts.account(id).orElseThrow(() -> NotFoundException.of("errors.account.not-found", id));
	}

	private static LifecycleStage parseStage(String value) {
		try {
			return LifecycleStage.valueOf(value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("stage", "errors.account.stage");
		}
	}

	private static <T> T required(T value, String field) {
		if (value == null) {
			throw InvalidInputException.of(field, "errors.subscription.required");
		}
		return value;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
