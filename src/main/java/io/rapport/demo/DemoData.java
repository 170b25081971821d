package io.rapport.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import io.rapport.analytics.AnalyticsApi;
import io.rapport.shared.RapportProperties;
import io.rapport.tickets.TicketImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start (no tickets yet) and with {@code rapport.demo.enabled}, fills the help desk with demo data, after
 * {@code FirstAdmin} made the administrator. The demo team and one demo customer share one random password, which
 * is printed once and kept only in {@code <data-dir>/demo-password}. {@code rapport.demo.tickets} sets the size
 * (500 by default). A benchmark fills an empty database with, for instance,
 * {@code java -jar rapport.jar --rapport.demo.tickets=1000000}: about 2,000 tickets a second on H2 and two cores.
 */
@Component
@Order(20)
@Profile("!prod")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String PASSWORD_FILE = "demo-password";

	private final DemoGenerator generator;

	private final DemoActivity activity;

	private final DemoKnowledge knowledge;

	private final DemoSla sla;

	private final DemoFeedback feedback;

	private final TicketImport tickets;

	private final DemoCsat csat;

	private final DemoNps nps;

	private final RapportProperties properties;

	private final int ticketCount;

	private final AnalyticsApi analytics;

	private final DemoSuccess success;

	private final DemoHealth health;

	private final DemoUsage usage;

	private final DemoCohorts cohorts;

	private DemoGenerator.Result result;

	private String password;

	DemoData(DemoGenerator generator, DemoActivity activity, DemoKnowledge knowledge, TicketImport tickets, RapportProperties properties,
			@Value("${rapport.demo.tickets:500}") int ticketCount, DemoCsat csat, DemoNps nps, DemoSla sla, AnalyticsApi analytics, DemoFeedback feedback,
			DemoSuccess success, DemoUsage usage, DemoHealth health, DemoCohorts cohorts) {
		this.cohorts = cohorts;
		this.success = success;
		this.usage = usage;
		this.health = health;
		this.csat = csat;
		this.nps = nps;
		this.sla = sla;
		this.analytics = analytics;
		this.feedback = feedback;
		this.generator = generator;
		this.activity = activity;
		this.knowledge = knowledge;
		this.tickets = tickets;
		this.properties = properties;
		this.ticketCount = ticketCount;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled() || ticketCount <= 0 || tickets.hasTickets()) {
			return;
		}
		long seed = properties.demo().seed() == null ? 42L : properties.demo().seed();
		long start = System.nanoTime();
		password = randomPassword();
		keepInDataDir(password);
		try {
			result = generator.generate(ticketCount, seed, password);
		}
		catch (RuntimeException e) {
			log.error("Demo data could not be created; Rapport runs without it", e);
			return;
		}
		try {
			activity.bringToLife();
		}
		catch (RuntimeException e) {
			log.warn("The demo's live activity (assignments, replies, saved views) could not be created", e);
		}
		try {
			DemoSuccess.Result base = success.create(seed);
			log.info("Demo customer success: {} subscriptions ({} trials, {} cancelled), {} accounts owned",
					base.subscriptions(), base.trials(), base.cancelled(), base.owned());
		}
		catch (RuntimeException e) {
			log.warn("The demo's subscriptions, stages and owners could not be created", e);
		}
		try {
			long started = System.nanoTime();
			DemoUsage.Result year = usage.create(seed);
			log.info("Demo usage: a year for {} accounts ({} drifting into a risk signal, {} cancelled), {} more "
					+ "customers and {} past customers, {} events, {} NPS answers in {} ms", year.accounts(),
					year.drifting(), year.cancelled(), year.staying(), year.pastCustomers(), year.events(),
					year.npsAnswers(),
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException e) {
			log.warn("The demo's product usage could not be created", e);
		}
		try {
			log.info("Demo cohort retention: {} people signed up in the last {} weeks", cohorts.create(seed),
					DemoCohorts.WEEKS);
		}
		catch (RuntimeException e) {
			log.warn("The demo's sign-ups for cohort retention could not be created", e);
		}
		try {
			DemoKnowledge.Result help = knowledge.create(seed, result.agentEmails().get(0));
			log.info("Demo help center: {} articles ({} translations), {} views, {} votes, {} searches",
					help.articles(), help.translations(), help.views(), help.votes(), help.searches());
		}
		catch (RuntimeException e) {
			log.warn("The demo's help center could not be created", e);
		}
		try {
			int[] csatCounts = csat.create(seed);
			log.info("Demo CSAT: {} surveys, {} answers", csatCounts[0], csatCounts[1]);
		}
		catch (RuntimeException e) {
			log.warn("The demo's satisfaction surveys could not be created", e);
		}
		try {
			DemoNps.Result survey = nps.create(seed);
			log.info("Demo NPS: campaign {} sent {} invitations, {} answered", survey.campaignId(),
					survey.invitations(), survey.answers());
		}
		catch (RuntimeException e) {
			log.warn("The demo's NPS campaign could not be created", e);
		}
		try {
			log.info("Demo SLA: 3 policies, targets on {} open tickets", sla.create());
		}
		catch (RuntimeException e) {
			log.warn("The demo's SLA policies and targets could not be created", e);
		}
		try {
			analytics.rebuild(); // the import is silent: the reports read what it wrote from the tickets' facts
		}
		catch (RuntimeException e) {
			log.warn("The analytics read models could not be rebuilt after the demo import", e);
		}
		try {
			DemoFeedback.Result topics = feedback.create(result.agentEmails().get(0));
			log.info("Demo product feedback: {} topics, {} tickets linked, {} left unsorted, {} requesters told",
					topics.topics(), topics.linked(), topics.unsorted(), topics.notified().posted());
		}
		catch (RuntimeException e) {
			log.warn("The demo's product feedback could not be created", e);
		}
		try {
			log.info("Demo health: {} accounts scored, with a year of history", health.create());
			log.info("Demo churn model: {}", health.train() ? "trained on the simulated year"
					: "not trained (see Admin → Churn model)");
		}
		catch (RuntimeException e) {
			log.warn("The demo's health scores could not be computed", e);
		}
		log.info("Demo data: {} tickets, {} contacts, {} accounts in {} ms (seed {})", result.tickets(),
				result.contacts(), result.accounts(), (System.nanoTime() - start) / 1_000_000, seed);
	}

	@EventListener(ApplicationReadyEvent.class)
	void printDemoLogins() {
		if (result == null) {
			return;
		}
		StringBuilder message = new StringBuilder("\n\n  Demo data is ready: Brightlane's help desk.\n")
			.append("  Demo password for everyone below: ").append(password).append('\n')
			.append("  (shown once; also in ").append(passwordFile().toAbsolutePath()).append(")\n")
			.append("  Agents (sign in at /login):\n");
		result.agentEmails().forEach(email -> message.append("    ").append(email).append('\n'));
		message.append("  Customer (sign in at /portal/login):\n    ").append(result.customerEmail()).append('\n');
		log.info(message.toString());
	}

	private void keepInDataDir(String value) {
		try {
			Files.createDirectories(properties.dataDir());
			Files.writeString(passwordFile(), value + "\n");
		}
		catch (IOException e) {
			log.warn("Could not keep the demo password in {}: {}", properties.dataDir(), e.getMessage());
		}
	}

	private Path passwordFile() {
		return properties.dataDir().resolve(PASSWORD_FILE);
	}

	private static String randomPassword() {
		byte[] bytes = new byte[12];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
