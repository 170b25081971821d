package io.rapport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration written since modules got their own folders is named {@code V<yyyyMMddHHmm>_<NN>__<module>_…}
 * with its module's number and folder (docs/decisions.md), so two modules' migrations can never share a version.
 */
class MigrationNamingTests {

	static final Map<String, String> MODULE_NUMBERS = Map.ofEntries(Map.entry("shared", "00"), Map.entry("identity", "01"),
			Map.entry("accounts", "02"), Map.entry("tickets", "03"), Map.entry("events", "04"),
			Map.entry("notifications", "05"), Map.entry("channels", "06"), Map.entry("knowledge", "07"),
			Map.entry("surveys", "08"), Map.entry("workflows", "09"), Map.entry("activity", "10"),
			Map.entry("health", "11"), Map.entry("analytics", "12"), Map.entry("feedback", "13"), Map.entry("billing", "14"));

	private static final Pattern TIMESTAMPED = Pattern
		.compile(".*/db/migration/(common|h2|postgresql)/([a-z]+)/V(\\d{12})(_(\\d{2}))?__([a-z]+)(_.*)?\\.sql");

	@Test
	void shouldNameEveryTimestampedMigrationAfterItsModule() throws IOException {
		List<String> wrong = new ArrayList<>();
		Map<String, String> versions = new HashMap<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:db/migration/**/V*.sql")) {
			String path = resource.getURL().toString();
			if (!path.matches(".*/V\\d{12}.*")) {
				continue;
			}
			Matcher m = TIMESTAMPED.matcher(path);
			if (!m.matches() || !m.group(2).equals(m.group(6))
					|| !MODULE_NUMBERS.getOrDefault(m.group(2), "?").equals(m.group(5))) {
				wrong.add(path.substring(path.indexOf("db/migration")));
				continue;
			}
			String version = m.group(3) + "_" + m.group(5);
			String vendorAndVersion = m.group(1) + ":" + version;
			String other = versions.put(vendorAndVersion, path);
			if (other != null) {
				wrong.add("two migrations with version " + version + ": " + other + ", " + path);
			}
		}
		assertThat(wrong).as("migrations not named V<yyyyMMddHHmm>_<module number>__<module>_<what>.sql").isEmpty();
	}
}
