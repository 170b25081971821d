package io.rapport.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.UserKind;
import io.rapport.knowledge.KnowledgeApi;
import io.rapport.knowledge.KnowledgeApi.Audience;
import io.rapport.knowledge.KnowledgeAuthoring;
import io.rapport.knowledge.HelpCenterBrand;
import io.rapport.knowledge.KnowledgeHistory;

import org.springframework.stereotype.Component;

/**
 * Brightlane's help center ({@link DemoHelpCenter}) written through the knowledge module, then 90 days of what
 * its readers did: views, "was this helpful?" votes (some "no" with a comment) and searches, some of which found
 * nothing. Seeded and dated from the clock, so the same seed makes the same help center.
 */
@Component
class DemoKnowledge {

	static final Duration HISTORY = Duration.ofDays(90);

	/** What the readers searched for, in each language, and how many times; some find nothing on purpose. */
	static final List<String[]> SEARCHES = List.of(
			new String[] { "en", "reset password", "14" }, new String[] { "en", "invoice", "9" },
			new String[] { "en", "slack", "7" }, new String[] { "en", "change plan", "6" },
			new String[] { "en", "2fa", "5" }, new String[] { "en", "export data", "4" },
			new String[] { "en", "webhook signature", "3" }, new String[] { "en", "sso saml", "3" },
			new String[] { "en", "notifications not working", "6" }, new String[] { "en", "gantt", "5" },
			new String[] { "en", "timesheets", "4" }, new String[] { "zh", "重置密码", "6" },
			new String[] { "zh", "发票", "4" }, new String[] { "zh", "快捷键", "3" },
			new String[] { "zh", "甘特图", "3" }, new String[] { "ro", "resetare parola", "5" },
			new String[] { "ro", "factura", "4" }, new String[] { "ro", "notificări", "3" },
			new String[] { "ro", "pontaj", "2" }, new String[] { "ta", "கடவுச்சொல்", "3" },
			new String[] { "ta", "விலைப்பட்டியல்", "2" }, new String[] { "ta", "கான்ட் வரைபடம்", "2" },
			new String[] { "eo", "pasvorto", "3" }, new String[] { "eo", "fakturoj", "2" },
			new String[] { "eo", "horaro", "2" });

	/** What readers wrote with a "no". */
	static final List<String> COMMENTS = List.of("The screenshots would help, the menu looks different for me.",
			"I don't have this option on the Free plan, please say so at the top.",
			"Didn't answer my question: what about guests?", "The steps are out of date after the last update.",
			"Too short, I needed an example.");

	private final KnowledgeAuthoring authoring;

	private final KnowledgeHistory history;

	private final KnowledgeApi knowledge;

	private final IdentityApi identity;

	private final Clock clock;

	private final HelpCenterBrand brand;

	DemoKnowledge(KnowledgeAuthoring authoring, KnowledgeHistory history, KnowledgeApi knowledge,
			IdentityApi identity, Clock clock, HelpCenterBrand brand) {
		this.brand = brand;
		this.authoring = authoring;
		this.history = history;
		this.knowledge = knowledge;
		this.identity = identity;
		this.clock = clock;
	}

	/** What was made; empty when the knowledge base already had articles. */
	record Result(int articles, int translations, int views, int votes, int searches) {
	}

	private record Published(long id, List<String> locales, int weight) {
	}

	/** Writes the help center as the agent {@code authorEmail}, unless the knowledge base has articles already. */
	Result create(long seed, String authorEmail) {
		if (authoring.hasArticles()) {
			return new Result(0, 0, 0, 0, 0);
		}
		AuthenticatedUser author = identity.agents().stream().filter(a -> a.email().equals(authorEmail))
			.map(a -> new AuthenticatedUser(a.id(), UserKind.AGENT, a.email(), a.name(), a.role())).findFirst()
			.orElseThrow(() -> new IllegalStateException("No agent " + authorEmail));
		brand.brand("Brightlane", "#2f5bea", "en");
		Map<String, Long> categories = new HashMap<>();
		Map<String, Integer> positions = new HashMap<>();
		for (DemoHelpCenter.Category category : DemoHelpCenter.categories()) {
			Long parent = category.parent() == null ? null : categories.get(category.parent());
			int position = positions.merge(String.valueOf(category.parent()), 1, Integer::sum) - 1;
			categories.put(category.slug(), authoring.createCategory(new KnowledgeAuthoring.NewCategory(
					category.slug(), parent, position, category.names(), Map.of())));
		}
		Random random = new Random(seed);
		List<Published> published = new ArrayList<>();
		int translations = 0;
		List<DemoHelpCenter.Article> articles = DemoHelpCenter.articles();
		for (DemoHelpCenter.Article article : articles) {
			DemoHelpCenter.Text en = article.texts().get("en");
			int position = positions.merge("articles:" + article.category(), 1, Integer::sum) - 1;
			long id = authoring.createArticle(new KnowledgeAuthoring.NewArticle(article.kind(),
					categories.get(article.category()), article.internal(), article.video(), position, "en",
					en.title(), en.summary(), en.body(), en.keywords(), !article.draft()), author);
			translations++;
			for (Map.Entry<String, DemoHelpCenter.Text> text : article.texts().entrySet()) {
				if (!text.getKey().equals("en")) {
					DemoHelpCenter.Text t = text.getValue();
					authoring.publishTranslation(id, text.getKey(), t.title(), t.summary(), t.body(), t.keywords(),
							author);
					translations++;
				}
			}
			if (!article.internal() && !article.draft()) {
				// Translated articles are the ones read most: that is why they were translated
				int weight = 1 + random.nextInt(article.texts().size() > 1 ? 8 : 4);
				published.add(new Published(id, new ArrayList<>(article.texts().keySet()), weight));
			}
		}
		Instant now = clock.instant();
		int views = 0;
		int votes = 0;
		for (int a = 0; a < published.size(); a++) {
			Published article = published.get(a);
			int count = article.weight() * (5 + random.nextInt(15));
			for (int i = 0; i < count; i++) {
				history.viewed(article.id(), locale(random, article.locales()), past(random, now));
				views++;
			}
			int voteCount = count / 8 + random.nextInt(3);
			for (int i = 0; i < voteCount; i++) {
				boolean helpful = random.nextInt(10) < 8;
				String comment = !helpful && random.nextBoolean() ? COMMENTS.get(random.nextInt(COMMENTS.size()))
						: null;
				history.voted(article.id(), locale(random, article.locales()), "v:demo-" + a + "-" + i, helpful,
						comment, past(random, now));
				votes++;
			}
		}
		int searches = 0;
		for (String[] search : SEARCHES) {
			int found = (int) Math.min(Integer.MAX_VALUE,
					knowledge.search(search[1], search[0], Audience.CUSTOMER, 0, 1).total());
			for (int i = Integer.parseInt(search[2]); i > 0; i--) {
				history.searched(search[1], search[0], found, past(random, now));
				searches++;
			}
		}
		return new Result(articles.size(), translations, views, votes, searches);
	}

	/** English most of the time, else one of the article's other languages. */
	private static String locale(Random random, List<String> locales) {
		return locales.size() == 1 || random.nextInt(10) < 6 ? locales.get(0)
				: locales.get(1 + random.nextInt(locales.size() - 1));
	}

	private static Instant past(Random random, Instant now) {
		return now.minusSeconds((long) (random.nextDouble() * HISTORY.toSeconds()));
	}
}
