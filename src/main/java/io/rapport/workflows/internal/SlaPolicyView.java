package io.rapport.workflows.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An SLA policy as the API shows it; the field names are the admin form's. */
record SlaPolicyView(long id, String name, int position, String priority, String type, String group, Long accountId,
		long calendarId, Integer firstReplyMinutes, Integer nextReplyMinutes, Integer resolutionMinutes,
		int warnFirstPct, int warnSecondPct, String escalateAt, boolean raisePriority, String moveToGroup) {

	/** The fields a client may send. */
	static final List<String> FIELDS = List.of("name", "priority", "type", "group", "accountId", "calendarId",
			"firstReplyMinutes", "nextReplyMinutes", "resolutionMinutes", "warnFirstPct", "warnSecondPct",
			"escalateAt", "raisePriority", "moveToGroup");

	static SlaPolicyView of(SlaPolicy p) {
		return new SlaPolicyView(p.id(), p.name(), p.position(), p.priority().name(),
				p.type() == null ? null : p.type().name(), p.groupKey(), p.accountId(), p.calendarId(),
				p.firstReplyMinutes(), p.nextReplyMinutes(), p.resolutionMinutes(), p.warnFirstPct(), p.warnSecondPct(),
				p.escalateAt().name(), p.raisePriority(), p.moveToGroup());
	}

	/** The policy as the admin form would post it, for a change that names only some fields. */
	Map<String, String> asForm() {
		Map<String, String> form = new HashMap<>();
		form.put("name", name);
		form.put("priority", priority);
		form.put("type", text(type));
		form.put("group", text(group));
		form.put("accountId", text(accountId));
		form.put("calendarId", String.valueOf(calendarId));
		form.put("firstReplyMinutes", text(firstReplyMinutes));
		form.put("nextReplyMinutes", text(nextReplyMinutes));
		form.put("resolutionMinutes", text(resolutionMinutes));
		form.put("warnFirstPct", String.valueOf(warnFirstPct));
		form.put("warnSecondPct", String.valueOf(warnSecondPct));
		form.put("escalateAt", escalateAt);
		form.put("raisePriority", String.valueOf(raisePriority));
		form.put("moveToGroup", text(moveToGroup));
		return form;
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}
}
