package io.rapport.workflows.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * SLA policies for administrators (agents get 403, customers 404), with the fields of the admin page. A request
 * body is read the way the page's form is ({@link SlaForms}), so both check a value the same way; a PATCH changes
 * only the fields it names, and a field sent as null clears it (a condition, a target). Every change re-times the
 * running targets of the tickets the policy applied to ({@link SlaPolicies}).
 */
@RestController
@RequestMapping("/api/v1/sla/policies")
@Tag(name = "SLA", description = "SLA policies (administrators)")
class SlaPolicyRestController {

	private final SlaPolicies policies;

	private final CalendarStore calendars;

	SlaPolicyRestController(SlaPolicies policies, CalendarStore calendars) {
		this.policies = policies;
		this.calendars = calendars;
	}

	@Operation(summary = "The policies in their order: the first whose conditions a ticket meets applies to it")
	@GetMapping
	List<SlaPolicyView> list(@CurrentUser AuthenticatedUser user) {
		user.requireAdmin();
		return policies.all().stream().map(SlaPolicyView::of).toList();
	}

	@Operation(summary = "Read one policy")
	@GetMapping("/{id}")
	SlaPolicyView read(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAdmin();
		return SlaPolicyView.of(policies.require(id));
	}

	@Operation(summary = "Create a policy, placed last; calendarId defaults to the default calendar, warnings to 75 and 90 %")
	@PostMapping
	ResponseEntity<SlaPolicyView> create(@CurrentUser AuthenticatedUser user, @RequestBody Map<String, Object> body) {
		user.requireAdmin();
		Map<String, String> form = new HashMap<>();
		form.put("calendarId", String.valueOf(calendars.defaultId()));
		overlay(form, body);
		long id = policies.save(SlaForms.policy(0, form));
		return ResponseEntity.created(URI.create("/api/v1/sla/policies/" + id)).body(SlaPolicyView.of(policies.require(id)));
	}

	@Operation(summary = "Change a policy: fields left out keep their values, null clears one; running targets follow")
	@PatchMapping("/{id}")
	SlaPolicyView update(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestBody Map<String, Object> body) {
		user.requireAdmin();
		Map<String, String> form = SlaPolicyView.of(policies.require(id)).asForm();
		overlay(form, body);
		policies.save(SlaForms.policy(id, form));
		return SlaPolicyView.of(policies.require(id));
	}

	@Operation(summary = "Delete a policy; its tickets' running targets pass to the policy that now matches, or end cancelled")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAdmin();
		policies.delete(id);
	}

	/** The body's fields over the form's; JSON null becomes an empty field (no condition, no target, default). */
	private static void overlay(Map<String, String> form, Map<String, Object> body) {
		if (body == null) {
			return;
		}
		for (String field : SlaPolicyView.FIELDS) {
			if (body.containsKey(field)) {
				Object value = body.get(field);
				form.put(field, value == null ? "" : String.valueOf(value));
			}
		}
	}
}
