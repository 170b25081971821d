/**
 * Customer health: a scorecard of measures read from the usage rollups, ticket facts and survey answers, a score
 * per account per day that explains itself (each measure's value, points, weight and contribution), churn-risk
 * flags with their evidence in numbers, a churn model trained on the installation's own history, the at-risk list,
 * and playbooks that turn a trigger into tasks for the account's success manager. Higher scores are healthier.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer health")
package io.rapport.health;
