package io.rapport.health.playbooks;

/**
 * One step of a playbook, in order. {@code title} is the task's title or the ticket's subject (for a mail, a label
 * only), {@code body} the task's description or the ticket's text, {@code dueDays} when a task is due after the
 * trigger, {@code template} the mail template of an {@link StepKind#EMAIL} step.
 */
public record Step(int position, StepKind kind, String title, String body, Integer dueDays, String template) {
}
