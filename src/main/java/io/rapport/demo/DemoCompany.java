package io.rapport.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import io.rapport.identity.GroupView;
import io.rapport.identity.Role;

/**
 * The people of the demo: Brightlane's support team and the customers who write in, from many cultures, as a SaaS
 * company's customers are. Pure data, drawn from a {@link Random}, so the same seed gives the same company.
 */
final class DemoCompany {

	static final String TEAM_DOMAIN = "brightlane.example";

	/** Contacts writing from a personal address belong to no account. */
	static final String PERSONAL_DOMAIN = "mail.example";

	record AgentSeed(String name, String email, Role role, String group) {
	}

	record AccountSeed(String name, String domain, Culture culture) {
	}

	record ContactSeed(String name, String email, int account) {

		static final int NO_ACCOUNT = -1;
	}

	record Plan(List<AgentSeed> agents, List<AccountSeed> accounts, List<ContactSeed> contacts) {
	}

	static final List<AgentSeed> TEAM = List.of(
			agent("Maya Okafor", Role.ADMIN, GroupView.TIER1),
			agent("Tomás Rivera", Role.AGENT, GroupView.TIER1),
			agent("Ioana Dumitrescu", Role.AGENT, GroupView.TIER1),
			agent("Priya Raman", Role.AGENT, GroupView.TIER1),
			agent("Wei Zhang", Role.AGENT, GroupView.TIER2),
			agent("Lars Eriksen", Role.AGENT, GroupView.TIER2),
			agent("Kavitha Subramanian", Role.AGENT, GroupView.SALES),
			agent("Daniel Weiss", Role.AGENT, GroupView.SALES),
			agent("Amara Nwosu", Role.AGENT, GroupView.SUCCESS),
			agent("Elena Popescu", Role.AGENT, GroupView.SUCCESS));

	enum Culture {
		CHINESE, ROMANIAN, TAMIL, ESPERANTO, ENGLISH, SPANISH, GERMAN, NIGERIAN, JAPANESE, ARABIC
	}

	private static final List<AccountSeed> ACCOUNTS = List.of(
			new AccountSeed("Northwind Logistics", "northwind-logistics.example", Culture.ENGLISH),
			new AccountSeed("Lotus Garden Foods", "lotusgarden.example", Culture.CHINESE),
			new AccountSeed("Jade River Electronics", "jaderiver.example", Culture.CHINESE),
			new AccountSeed("Carpathia Software SRL", "carpathia-software.example", Culture.ROMANIAN),
			new AccountSeed("Dacia Media Group", "daciamedia.example", Culture.ROMANIAN),
			new AccountSeed("Kaveri Analytics", "kaveri-analytics.example", Culture.TAMIL),
			new AccountSeed("Madurai Textiles", "maduraitextiles.example", Culture.TAMIL),
			new AccountSeed("Verda Stelo Eldonejo", "verdastelo.example", Culture.ESPERANTO),
			new AccountSeed("Universala Lernejo", "universala-lernejo.example", Culture.ESPERANTO),
			new AccountSeed("Andes Coffee Co.", "andescoffee.example", Culture.SPANISH),
			new AccountSeed("Clínica Solana", "clinicasolana.example", Culture.SPANISH),
			new AccountSeed("Helvetia Dental AG", "helvetia-dental.example", Culture.GERMAN),
			new AccountSeed("Rheinwerk Bau GmbH", "rheinwerk-bau.example", Culture.GERMAN),
			new AccountSeed("Lagos Fintech Hub", "lagosfintech.example", Culture.NIGERIAN),
			new AccountSeed("Eko Health Partners", "ekohealth.example", Culture.NIGERIAN),
			new AccountSeed("Sakura Design Studio", "sakura-design.example", Culture.JAPANESE),
			new AccountSeed("Oasis Travel", "oasistravel.example", Culture.ARABIC),
			new AccountSeed("Blue Fjord Marine", "bluefjord.example", Culture.ENGLISH),
			new AccountSeed("Greenleaf Schools", "greenleaf-schools.example", Culture.ENGLISH),
			new AccountSeed("Maple & Pine Architects", "mapleandpine.example", Culture.ENGLISH));

	private DemoCompany() {
	}

	/**
	 * The company with {@code contactCount} contacts and at least the 20 named accounts; bigger companies (for
	 * benchmarks) get numbered accounts besides.
	 */
	static Plan plan(Random random, int contactCount) {
		List<AccountSeed> accounts = new ArrayList<>(ACCOUNTS);
		int extraAccounts = Math.max(0, contactCount / 8 - ACCOUNTS.size());
		for (int i = 1; i <= extraAccounts; i++) {
			AccountSeed model = ACCOUNTS.get(i % ACCOUNTS.size());
			accounts.add(new AccountSeed(model.name() + " " + (i + 1), "c" + i + "." + model.domain(), model.culture()));
		}
		List<ContactSeed> contacts = new ArrayList<>(contactCount);
		Set<String> emails = new HashSet<>();
		for (int i = 0; i < contactCount; i++) {
			boolean personal = random.nextInt(10) == 0;
			int account = personal ? ContactSeed.NO_ACCOUNT : random.nextInt(accounts.size());
			Culture culture = personal ? Culture.values()[random.nextInt(Culture.values().length)]
					: random.nextInt(5) == 0 ? Culture.values()[random.nextInt(Culture.values().length)]
							: accounts.get(account).culture();
			Name name = Names.draw(culture, random);
			String domain = personal ? PERSONAL_DOMAIN : accounts.get(account).domain();
			String email = unique(name.handle() + "@" + domain, emails);
			contacts.add(new ContactSeed(name.display(), email, account));
		}
		return new Plan(TEAM, accounts, contacts);
	}

	private static String unique(String email, Set<String> taken) {
		String candidate = email;
		for (int n = 2; !taken.add(candidate); n++) {
			int at = email.indexOf('@');
			candidate = email.substring(0, at) + n + email.substring(at);
		}
		return candidate;
	}

	private static AgentSeed agent(String name, Role role, String group) {
		String handle = Names.ascii(name).toLowerCase(Locale.ROOT).replace(' ', '.');
		return new AgentSeed(name, handle + "@" + TEAM_DOMAIN, role, group);
	}

	record Name(String display, String handle) {
	}

	/** Given and family names by culture; each name is (as written, in ASCII for an email address). */
	static final class Names {

		private Names() {
		}

		static Name draw(Culture culture, Random random) {
			String[][] given = GIVEN[culture.ordinal()];
			String[][] family = FAMILY[culture.ordinal()];
			String[] g = given[random.nextInt(given.length)];
			String[] f = family[random.nextInt(family.length)];
			String handle = (g[1] + "." + f[1]).toLowerCase(Locale.ROOT);
			return switch (culture) {
				case CHINESE, JAPANESE -> random.nextBoolean() && g.length > 2
						? new Name(f[2] + g[2], handle) : new Name(f[0] + " " + g[0], handle);
				case TAMIL -> random.nextInt(4) == 0 && g.length > 2 ? new Name(g[2] + " " + f[2], handle)
						: new Name(g[0] + " " + f[0], handle);
				default -> new Name(g[0] + " " + f[0], handle);
			};
		}

		static String ascii(String text) {
			return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		}

		private static final String[][][] GIVEN = {
				{ { "Fang", "fang", "芳" }, { "Wei", "wei", "伟" }, { "Na", "na", "娜" }, { "Jie", "jie", "杰" },
						{ "Min", "min", "敏" }, { "Lei", "lei", "磊" }, { "Xiu Ying", "xiuying", "秀英" },
						{ "Hao", "hao", "浩" }, { "Yan", "yan", "燕" }, { "Jun", "jun", "军" } },
				{ { "Ioana", "ioana" }, { "Andrei", "andrei" }, { "Mihai", "mihai" }, { "Elena", "elena" },
						{ "Ștefan", "stefan" }, { "Ana-Maria", "anamaria" }, { "Radu", "radu" }, { "Cristina", "cristina" },
						{ "Bogdan", "bogdan" }, { "Larisa", "larisa" } },
				{ { "Karthik", "karthik", "கார்த்திக்" }, { "Meenakshi", "meenakshi", "மீனாட்சி" },
						{ "Anbu", "anbu", "அன்பு" }, { "Lakshmi", "lakshmi", "லட்சுமி" }, { "Senthil", "senthil", "செந்தில்" },
						{ "Divya", "divya", "திவ்யா" }, { "Arul", "arul", "அருள்" }, { "Kavya", "kavya", "காவ்யா" } },
				{ { "Ludoviko", "ludoviko" }, { "Klara", "klara" }, { "Petro", "petro" }, { "Mirejo", "mirejo" },
						{ "Johano", "johano" }, { "Sofia", "sofia" }, { "Tomaso", "tomaso" }, { "Ilona", "ilona" } },
				{ { "Emily", "emily" }, { "James", "james" }, { "Olivia", "olivia" }, { "Noah", "noah" },
						{ "Grace", "grace" }, { "Ethan", "ethan" }, { "Hannah", "hannah" }, { "Liam", "liam" } },
				{ { "Lucía", "lucia" }, { "Mateo", "mateo" }, { "Valentina", "valentina" }, { "Diego", "diego" },
						{ "Camila", "camila" }, { "Javier", "javier" }, { "Sofía", "sofia" } },
				{ { "Jonas", "jonas" }, { "Lena", "lena" }, { "Felix", "felix" }, { "Miriam", "miriam" },
						{ "Jürgen", "juergen" }, { "Katrin", "katrin" }, { "Matthias", "matthias" } },
				{ { "Chiamaka", "chiamaka" }, { "Tunde", "tunde" }, { "Ngozi", "ngozi" }, { "Emeka", "emeka" },
						{ "Funmilayo", "funmilayo" }, { "Babatunde", "babatunde" }, { "Adaeze", "adaeze" } },
				{ { "Yuki", "yuki", "由紀" }, { "Haruto", "haruto", "陽翔" }, { "Aiko", "aiko", "愛子" },
						{ "Kenji", "kenji", "健二" }, { "Mei", "mei", "芽衣" } },
				{ { "Layla", "layla" }, { "Omar", "omar" }, { "Yasmin", "yasmin" }, { "Karim", "karim" },
						{ "Nour", "nour" }, { "Samir", "samir" } } };

		private static final String[][][] FAMILY = {
				{ { "Wang", "wang", "王" }, { "Li", "li", "李" }, { "Zhang", "zhang", "张" }, { "Chen", "chen", "陈" },
						{ "Liu", "liu", "刘" }, { "Huang", "huang", "黄" }, { "Zhou", "zhou", "周" }, { "Wu", "wu", "吴" } },
				{ { "Popescu", "popescu" }, { "Ionescu", "ionescu" }, { "Constantinescu", "constantinescu" },
						{ "Dragomir", "dragomir" }, { "Munteanu", "munteanu" }, { "Stoica", "stoica" },
						{ "Răducanu", "raducanu" }, { "Lungu", "lungu" } },
				{ { "Subramanian", "subramanian", "சுப்பிரமணியன்" }, { "Sundaram", "sundaram", "சுந்தரம்" },
						{ "Selvan", "selvan", "செல்வன்" }, { "Rajendran", "rajendran", "ராஜேந்திரன்" },
						{ "Murugan", "murugan", "முருகன்" }, { "Krishnan", "krishnan", "கிருஷ்ணன்" } },
				{ { "Verda", "verda" }, { "Stelano", "stelano" }, { "Zamenhof", "zamenhof" }, { "Lumo", "lumo" },
						{ "Espero", "espero" }, { "Kovalski", "kovalski" }, { "Ĉielarko", "cielarko" } },
				{ { "Smith", "smith" }, { "Johnson", "johnson" }, { "Brown", "brown" }, { "Taylor", "taylor" },
						{ "Walker", "walker" }, { "Harris", "harris" }, { "Clarke", "clarke" } },
				{ { "García", "garcia" }, { "Martínez", "martinez" }, { "López", "lopez" }, { "Fernández", "fernandez" },
						{ "Ruiz", "ruiz" }, { "Morales", "morales" } },
				{ { "Müller", "mueller" }, { "Schmidt", "schmidt" }, { "Fischer", "fischer" }, { "Weber", "weber" },
						{ "Becker", "becker" }, { "Hoffmann", "hoffmann" } },
				{ { "Okafor", "okafor" }, { "Adeyemi", "adeyemi" }, { "Eze", "eze" }, { "Balogun", "balogun" },
						{ "Nwosu", "nwosu" }, { "Ogunleye", "ogunleye" } },
				{ { "Sato", "sato", "佐藤" }, { "Suzuki", "suzuki", "鈴木" }, { "Takahashi", "takahashi", "高橋" },
						{ "Tanaka", "tanaka", "田中" }, { "Ito", "ito", "伊藤" } },
				{ { "Haddad", "haddad" }, { "Mansour", "mansour" }, { "Khalil", "khalil" }, { "Nasser", "nasser" },
						{ "Saleh", "saleh" } } };
	}
}
