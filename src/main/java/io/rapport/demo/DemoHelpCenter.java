package io.rapport.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.knowledge.ArticleKind;

/**
 * What Brightlane's help center says: its categories (two levels) and articles, ten of them in all five languages.
 * Plain data; {@link DemoKnowledge} writes it through the knowledge module.
 */
final class DemoHelpCenter {

	private DemoHelpCenter() {
	}

	/** A category; {@code parent} is the slug of its parent, or null at the top. */
	record Category(String slug, String parent, Map<String, String> names) {
	}

	/** One language's text of an article. */
	record Text(String title, String summary, String body, List<String> keywords) {
	}

	/** An article: English first in {@code texts}; {@code internal} ones are for agents only, a draft is unpublished. */
	record Article(String category, ArticleKind kind, String video, boolean internal, boolean draft,
			Map<String, Text> texts) {
	}

	static final List<String> LOCALES = List.of("en", "zh", "ro", "ta", "eo");

	static Text text(String title, String summary, String body, String... keywords) {
		return new Text(title, summary, body, Arrays.asList(keywords));
	}

	private static Map<String, String> names(String en, String zh, String ro, String ta, String eo) {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("en", en);
		names.put("zh", zh);
		names.put("ro", ro);
		names.put("ta", ta);
		names.put("eo", eo);
		return names;
	}

	static List<Category> categories() {
		return List.of(
				new Category("getting-started", null, names("Getting started", "入门", "Primii pași", "தொடங்குதல்", "Unuaj paŝoj")),
				new Category("first-project", "getting-started", names("Your first project", "你的第一个项目", "Primul tău proiect", "உங்கள் முதல் திட்டம்", "Via unua projekto")),
				new Category("your-team", "getting-started", names("Working with your team", "团队协作", "Lucrul în echipă", "உங்கள் குழுவுடன் பணியாற்றுதல்", "Labori kun via teamo")),
				new Category("billing", null, names("Billing & plans", "账单与套餐", "Facturare și abonamente", "கட்டணம் மற்றும் திட்டங்கள்", "Fakturado kaj abonoj")),
				new Category("plans", "billing", names("Plans and pricing", "套餐与价格", "Abonamente și prețuri", "திட்டங்கள் மற்றும் விலைகள்", "Abonoj kaj prezoj")),
				new Category("invoices", "billing", names("Invoices and payments", "发票与付款", "Facturi și plăți", "விலைப்பட்டியல்கள் மற்றும் கொடுப்பனவுகள்", "Fakturoj kaj pagoj")),
				new Category("integrations", null, names("Integrations", "集成", "Integrări", "ஒருங்கிணைப்புகள்", "Integriĝoj")),
				new Category("chat-calendars", "integrations", names("Chat and calendars", "聊天与日历", "Chat și calendare", "அரட்டை மற்றும் நாள்காட்டிகள்", "Babilejo kaj kalendaroj")),
				new Category("api-webhooks", "integrations", names("API and webhooks", "API 与 Webhook", "API și webhook-uri", "API மற்றும் வெப்ஹூக்குகள்", "API kaj rethokoj")),
				new Category("troubleshooting", null, names("Troubleshooting", "故障排除", "Depanare", "சிக்கல் தீர்த்தல்", "Problemsolvado")),
				new Category("sign-in-problems", "troubleshooting", names("Sign-in problems", "登录问题", "Probleme de autentificare", "உள்நுழைவு சிக்கல்கள்", "Problemoj pri ensaluto")),
				new Category("sync-notifications", "troubleshooting", names("Sync and notifications", "同步与通知", "Sincronizare și notificări", "ஒத்திசைவு மற்றும் அறிவிப்புகள்", "Sinkronigo kaj sciigoj")),
				new Category("account-security", null, names("Account & security", "账户与安全", "Cont și securitate", "கணக்கு மற்றும் பாதுகாப்பு", "Konto kaj sekureco")),
				new Category("passwords-2fa", "account-security", names("Passwords and two-factor", "密码与双重验证", "Parole și autentificare în doi pași", "கடவுச்சொற்கள் மற்றும் இரு-காரணி", "Pasvortoj kaj dufaktora aŭtentigo")),
				new Category("data-privacy", "account-security", names("Data and privacy", "数据与隐私", "Date și confidențialitate", "தரவு மற்றும் தனியுரிமை", "Datumoj kaj privateco")));
	}

	static List<Article> articles() {
		List<Article> all = new ArrayList<>(DemoHelpCenterTranslated.articles());
		all.addAll(DemoHelpCenterGuides.articles());
		return all;
	}

	static Article article(String category, ArticleKind kind, Text... texts) {
		return new Article(category, kind, null, false, false, byLocale(texts));
	}

	static Map<String, Text> byLocale(Text... texts) {
		Map<String, Text> map = new LinkedHashMap<>();
		for (int i = 0; i < texts.length; i++) {
			map.put(LOCALES.get(i), texts[i]);
		}
		return map;
	}
}
