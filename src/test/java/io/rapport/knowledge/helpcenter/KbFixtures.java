package io.rapport.knowledge.helpcenter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import io.rapport.Fixtures;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Categories and articles written the way editors write them: through the knowledge base's API (its contract),
 * as an admin. Slugs carry a unique suffix, so tests sharing one database never collide.
 */
final class KbFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private final MockMvc mvc;

	private final Fixtures.Person admin;

	KbFixtures(MockMvc mvc, Fixtures fixtures) {
		this.mvc = mvc;
		this.admin = fixtures.anAdmin();
	}

	static String unique(String word) {
		return word + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
	}

	record Article(long id, String slug, long categoryId) {
	}

	long category(String name) {
		return category(name, null);
	}

	long category(String name, Long parentId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("names", Map.of("en", name));
		body.put("slug", unique("topic"));
		if (parentId != null) {
			body.put("parentId", parentId);
		}
		return id(send(post("/api/v1/kb/categories"), body));
	}

	/** A published public English article in a new category. */
	Article published(String title, String body) {
		return article(category("Topic " + title), title, body, "PUBLIC", "PUBLISHED", "GUIDE", null);
	}

	Article article(long categoryId, String title, String body, String visibility, String state, String kind,
			String videoUrl) {
		Map<String, Object> article = new LinkedHashMap<>();
		article.put("kind", kind);
		article.put("categoryId", categoryId);
		article.put("visibility", visibility);
		article.put("defaultLocale", "en");
		if (videoUrl != null) {
			article.put("videoUrl", videoUrl);
		}
		String slug = unique(title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
		article.put("title", title);
		article.put("slug", slug);
		article.put("summary", "About " + title);
		article.put("body", body);
		article.put("keywords", List.of());
		article.put("state", state);
		return new Article(id(send(post("/api/v1/kb/articles"), article)), slug, categoryId);
	}

	/** Adds or replaces a translation; answers its slug. */
	String translate(Article article, String locale, String title, String body, String state) {
		Map<String, Object> translation = new LinkedHashMap<>();
		String slug = unique(locale + "-article");
		translation.put("title", title);
		translation.put("body", body);
		translation.put("summary", title);
		translation.put("state", state);
		translation.put("slug", slug);
		send(put("/api/v1/kb/articles/" + article.id() + "/translations/" + locale), translation);
		return slug;
	}

	private static long id(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	private String send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			Object body) {
		try {
			return mvc.perform(request.header("Authorization", admin.bearer())
				.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)))
				.andExpect(status().is2xxSuccessful())
				.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
