package io.rapport.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.rapport.demo.DemoScripts.Scenario;
import io.rapport.identity.GroupView;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.ImportedTicket;
import io.rapport.tickets.NewMessage.BodyFormat;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.Visibility;

/**
 * Makes up tickets one after the other, spread evenly over the last {@link #SPAN} so that numbers grow with time.
 * Pure: the same random source, cast and "now" give the same tickets, which makes the demo reproducible and lets a
 * benchmark stream a million tickets without holding them.
 */
final class DemoTickets {

	static final Duration SPAN = Duration.ofDays(90);

	/** The people tickets are about, with their ids in this database. */
	record Cast(Map<String, List<Long>> agentsByGroup, Map<Long, String> agentNames, List<Customer> customers) {
	}

	record Customer(long id, Long accountId, String name, String company) {
	}

	private static final TicketType[] TYPES = { TicketType.QUESTION, TicketType.INCIDENT, TicketType.PROBLEM,
			TicketType.BILLING, TicketType.FEATURE_REQUEST, TicketType.COMPLAINT, TicketType.TASK };

	private static final int[] TYPE_WEIGHTS = { 30, 18, 5, 17, 14, 8, 8 };

	private static final Channel[] CHANNELS = { Channel.EMAIL, Channel.CHAT, Channel.PORTAL, Channel.PHONE,
			Channel.API };

	private static final int[] CHANNEL_WEIGHTS = { 40, 20, 22, 10, 8 };

	private static final TicketPriority[] PRIORITIES = TicketPriority.values();

	private static final int[] PRIORITY_WEIGHTS = { 20, 55, 18, 7 };

	private static final int[] BROKEN_PRIORITY_WEIGHTS = { 5, 35, 40, 20 };

	private static final String GENERIC_SEND_BACK = "No upgrade needed: the current plan already covers this. "
			+ "Back to Tier 1 to walk the customer through it.";

	private final Random random;

	private final Cast cast;

	private final Instant now;

	private final int total;

	DemoTickets(Random random, Cast cast, Instant now, int total) {
		this.random = random;
		this.cast = cast;
		this.now = now.truncatedTo(ChronoUnit.SECONDS);
		this.total = total;
	}

	/** The ticket at this position; call with 0, 1, 2… in order. */
	ImportedTicket ticket(int index) {
		Customer customer = customer();
		TicketType type = TYPES[pick(TYPE_WEIGHTS)];
		Scenario scenario = scenario(type);
		Channel channel = type == TicketType.TASK ? Channel.EMAIL : CHANNELS[pick(CHANNEL_WEIGHTS)];
		TicketPriority priority = PRIORITIES[pick(type == TicketType.INCIDENT || type == TicketType.PROBLEM
				? BROKEN_PRIORITY_WEIGHTS : PRIORITY_WEIGHTS)];
		Instant created = createdAt(index);
		Conversation c = new Conversation(scenario, customer, String.valueOf(3 + random.nextInt(240)), created);
		TicketStatus status = status(Duration.between(created, now));
		c.say(AuthorKind.CONTACT, customer.id(), Visibility.PUBLIC, scenario.opening(), created);
		if (status == TicketStatus.NEW) {
			return c.ticket(type, priority, channel, status, GroupView.TIER1, null, null, null);
		}
		long first = agent(GroupView.TIER1);
		Instant firstResponse = c.after(firstResponseDelay(channel, priority));
		c.say(AuthorKind.AGENT, first, Visibility.PUBLIC, scenario.reply(), firstResponse);
		boolean escalate = scenario.escalateTo() != null && random.nextInt(10) < (type == TicketType.INCIDENT ? 7 : 6);
		String group = GroupView.TIER1;
		Long assignee = first;
		if (escalate || status.isUnsolved() || random.nextBoolean()) {
			c.say(AuthorKind.CONTACT, customer.id(), Visibility.PUBLIC, scenario.followUp(), c.after(later()));
		}
		if (escalate) {
			Instant at = c.after(Duration.ofMinutes(5 + random.nextInt(55)));
			c.say(AuthorKind.AGENT, first, Visibility.INTERNAL, scenario.note(), at);
			c.escalate(GroupView.TIER1, scenario.escalateTo(), scenario.escalationReason(), first, at);
			group = scenario.escalateTo();
			assignee = null;
			if (status != TicketStatus.OPEN || random.nextBoolean()) {
				long specialist = agent(group);
				c.say(AuthorKind.AGENT, specialist, Visibility.PUBLIC, scenario.specialistReply(), c.after(later()));
				assignee = specialist;
				String sendBack = scenario.sendBack() != null ? scenario.sendBack()
						: GroupView.SALES.equals(group) && random.nextInt(10) == 0 ? GENERIC_SEND_BACK : null;
				if (sendBack != null) {
					Instant back = c.after(Duration.ofMinutes(10 + random.nextInt(120)));
					c.say(AuthorKind.AGENT, specialist, Visibility.INTERNAL, sendBack, back);
					c.escalate(group, GroupView.TIER1, sendBack, specialist, back);
					group = GroupView.TIER1;
					assignee = first;
				}
			}
		}
		Instant solved = finish(c, status, assignee, customer);
		return c.ticket(type, priority, channel, status, group, assignee, firstResponse, solved);
	}

	/** The end of the conversation the status implies; returns when it was solved, if it was. */
	private Instant finish(Conversation c, TicketStatus status, Long assignee, Customer customer) {
		long agent = assignee != null ? assignee : agent(GroupView.TIER1);
		switch (status) {
			case PENDING -> c.say(AuthorKind.AGENT, agent, Visibility.PUBLIC, any(DemoScripts.WAITING_ON_CUSTOMER),
					c.after(later()));
			case ON_HOLD -> c.say(AuthorKind.AGENT, agent, Visibility.INTERNAL, any(DemoScripts.ON_HOLD_NOTES),
					c.after(later()));
			case SOLVED, CLOSED -> {
				c.say(AuthorKind.AGENT, agent, Visibility.PUBLIC, c.scenario.resolution(), c.after(later()));
				if (random.nextInt(10) < 4) {
					c.say(AuthorKind.CONTACT, customer.id(), Visibility.PUBLIC, any(DemoScripts.THANKS),
							c.after(Duration.ofMinutes(10 + random.nextInt(300))));
				}
				return c.after(Duration.ofMinutes(1 + random.nextInt(30)));
			}
			default -> {
			}
		}
		return null;
	}

	private TicketStatus status(Duration age) {
		long hours = age.toHours();
		int roll = random.nextInt(100);
		if (hours < 4) {
			return roll < 50 ? TicketStatus.NEW : roll < 80 ? TicketStatus.OPEN
					: roll < 90 ? TicketStatus.PENDING : TicketStatus.SOLVED;
		}
		if (hours < 72) {
			return roll < 5 ? TicketStatus.NEW : roll < 40 ? TicketStatus.OPEN : roll < 60 ? TicketStatus.PENDING
					: roll < 65 ? TicketStatus.ON_HOLD : TicketStatus.SOLVED;
		}
		if (hours < 240) {
			return roll < 10 ? TicketStatus.OPEN : roll < 20 ? TicketStatus.PENDING
					: roll < 25 ? TicketStatus.ON_HOLD : TicketStatus.SOLVED;
		}
		return roll < 2 ? TicketStatus.OPEN : roll < 4 ? TicketStatus.PENDING : roll < 6 ? TicketStatus.ON_HOLD
				: roll < 20 ? TicketStatus.SOLVED : TicketStatus.CLOSED;
	}

	/** Chat is answered in minutes, a phone callback within the hour, mail and portal within hours. */
	private Duration firstResponseDelay(Channel channel, TicketPriority priority) {
		double minutes = switch (channel) {
			case CHAT -> 1 + random.nextInt(8);
			case PHONE -> 5 + random.nextInt(40);
			default -> 15 - 240 * Math.log(1 - random.nextDouble());
		};
		double factor = priority == TicketPriority.URGENT ? 0.25 : priority == TicketPriority.HIGH ? 0.5 : 1;
		return Duration.ofSeconds((long) (minutes * factor * 60));
	}

	private Duration later() {
		return Duration.ofMinutes(20 + (long) (-300 * Math.log(1 - random.nextDouble())));
	}

	private Instant createdAt(int index) {
		long slot = Math.max(1, SPAN.toSeconds() / Math.max(1, total));
		long offset = SPAN.toSeconds() * index / Math.max(1, total) + random.nextLong(slot);
		return now.minus(SPAN).plusSeconds(offset);
	}

	/** Some customers write far more often than others. */
	private Customer customer() {
		List<Customer> customers = cast.customers();
		return customers.get((int) (Math.pow(random.nextDouble(), 1.7) * customers.size()));
	}

	private Scenario scenario(TicketType type) {
		List<Scenario> candidates = DemoScripts.SCENARIOS.stream().filter(s -> s.type() == type).toList();
		return candidates.get(random.nextInt(candidates.size()));
	}

	private long agent(String group) {
		List<Long> agents = cast.agentsByGroup().get(group);
		return agents.get(random.nextInt(agents.size()));
	}

	private String any(List<String> texts) {
		return texts.get(random.nextInt(texts.size()));
	}

	private int pick(int[] weights) {
		int sum = 0;
		for (int weight : weights) {
			sum += weight;
		}
		int roll = random.nextInt(sum);
		for (int i = 0; i < weights.length; i++) {
			roll -= weights[i];
			if (roll < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** One ticket's conversation as it is written; time only moves forward and never past now. */
	private final class Conversation {

		final Scenario scenario;

		final Customer customer;

		final String number;

		final List<ImportedTicket.Message> messages = new ArrayList<>();

		final List<ImportedTicket.Escalation> escalations = new ArrayList<>();

		Instant last;

		Conversation(Scenario scenario, Customer customer, String number, Instant start) {
			this.scenario = scenario;
			this.customer = customer;
			this.number = number;
			this.last = start;
		}

		/** A moment this long after the last one, squeezed into what is left before now. */
		Instant after(Duration delay) {
			Instant at = last.plus(delay);
			if (!at.isBefore(now)) {
				at = last.plus(Duration.between(last, now).dividedBy(3)).truncatedTo(ChronoUnit.SECONDS);
			}
			last = at;
			return at;
		}

		void say(AuthorKind kind, long authorId, Visibility visibility, String text, Instant at) {
			messages.add(new ImportedTicket.Message(kind, authorId, visibility, fill(text, kind, authorId),
					BodyFormat.TEXT, at));
		}

		void escalate(String from, String to, String reason, long byId, Instant at) {
			escalations.add(new ImportedTicket.Escalation(from, to, fill(reason, AuthorKind.AGENT, byId), byId, at));
		}

		ImportedTicket ticket(TicketType type, TicketPriority priority, Channel channel, TicketStatus status,
				String group, Long assignee, Instant firstResponse, Instant solved) {
			return new ImportedTicket(customer.id(), customer.accountId(), fill(scenario.subject(), null, 0),
					type, priority, channel, group, assignee, status, messages.get(0).at(), firstResponse, solved,
					scenario.tags(), messages, escalations);
		}

		private String fill(String text, AuthorKind kind, long authorId) {
			String agentName = kind == AuthorKind.AGENT ? cast.agentNames().getOrDefault(authorId, "The support team")
					: "The support team";
			return text.replace("{name}", firstName(customer.name()))
				.replace("{agent}", firstName(agentName))
				.replace("{company}", customer.company() == null ? "our team" : customer.company())
				.replace("{n}", number);
		}
	}

	private static String firstName(String name) {
		int space = name.indexOf(' ');
		return space < 0 ? name : name.substring(0, space);
	}
}
