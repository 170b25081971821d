/**
 * What agents are told: the in-app notification centre (assigned to me, mentioned, customer replied, escalated to
 * my group, solved) and the followers of a ticket. Other modules notify through {@link
 * io.rapport.notifications.NotificationsApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package io.rapport.notifications;
