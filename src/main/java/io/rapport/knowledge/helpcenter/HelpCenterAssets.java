package io.rapport.knowledge.helpcenter;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.rapport.knowledge.KnowledgeApi;
import io.rapport.knowledge.KnowledgeApi.SitemapEntry;
import io.rapport.shared.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * What the help center's pages load besides themselves: the theme stylesheet carrying the brand colour (the CSP
 * forbids inline styles, so the colour travels as a stylesheet), the logo, and the sitemap with its language
 * alternates. Internal articles and drafts are never in the sitemap: it lists what {@link KnowledgeApi#sitemap()}
 * gives, published public translations only.
 */
@Controller
class HelpCenterAssets {

	private final HelpCenterLook look;

	private final KnowledgeApi knowledge;

	HelpCenterAssets(HelpCenterLook look, KnowledgeApi knowledge) {
		this.look = look;
		this.knowledge = knowledge;
	}

	@GetMapping(value = "/help/theme.css", produces = "text/css")
	ResponseEntity<String> theme() {
		String brand = look.settings().brandColor();
		String css = ":root {\n  --brand: " + brand + ";\n  --brand-dark: " + mix(brand, 0, 0.25) + ";\n  --brand-soft: "
				+ mix(brand, 255, 0.88) + ";\n  --focus: 0 0 0 3px " + mix(brand, 255, 0.5) + ";\n}\n";
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8)).body(css);
	}

	@GetMapping("/help/logo")
	ResponseEntity<byte[]> logo() {
		HelpCenterLook.Logo logo = look.logo().orElseThrow(() -> NotFoundException.of("errors.not-found"));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.contentType(MediaType.parseMediaType(logo.contentType()))
			.body(logo.bytes());
	}

	@GetMapping(value = { "/help/sitemap.xml", "/sitemap.xml" }, produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> sitemap() {
		String base = HelpUrls.base();
		String defaultLocale = look.settings().defaultLocale();
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "
				+ "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
		Map<String, String> homes = new LinkedHashMap<>();
		HelpLocales.SUPPORTED.forEach(l -> homes.put(l, HelpUrls.home(l)));
		for (String locale : HelpLocales.SUPPORTED) {
			url(xml, base, HelpUrls.home(locale), null, homes, defaultLocale);
		}
		for (SitemapEntry entry : knowledge.sitemap()) {
			if (!HelpLocales.supported(entry.locale())) {
				continue;
			}
			Map<String, String> alternates = new LinkedHashMap<>();
			alternates.put(entry.locale(), HelpUrls.article(entry.locale(), entry.slug()));
			entry.alternates().forEach((l, slug) -> {
				if (HelpLocales.supported(l)) {
					alternates.put(l, HelpUrls.article(l, slug));
				}
			});
			url(xml, base, HelpUrls.article(entry.locale(), entry.slug()), entry.updatedAt(), alternates, defaultLocale);
		}
		xml.append("</urlset>\n");
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
			.contentType(MediaType.APPLICATION_XML).body(xml.toString());
	}

	private static void url(StringBuilder xml, String base, String path, java.time.Instant updated,
			Map<String, String> alternates, String defaultLocale) {
		xml.append("  <url>\n    <loc>").append(escape(base + path)).append("</loc>\n");
		if (updated != null) {
			xml.append("    <lastmod>").append(DateTimeFormatter.ISO_LOCAL_DATE.format(updated.atOffset(ZoneOffset.UTC)))
				.append("</lastmod>\n");
		}
		if (alternates.size() > 1) {
			alternates.forEach((locale, href) -> link(xml, locale, base + href));
			String fallback = alternates.getOrDefault(defaultLocale, alternates.values().iterator().next());
			link(xml, "x-default", base + fallback);
		}
		xml.append("  </url>\n");
	}

	private static void link(StringBuilder xml, String hreflang, String href) {
		xml.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(hreflang).append("\" href=\"")
			.append(escape(href)).append("\"/>\n");
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	/** The colour moved towards black (0) or white (255) by {@code amount}, as {@code #rrggbb}. */
	static String mix(String hex, int towards, double amount) {
		StringBuilder out = new StringBuilder("#");
		for (int i = 1; i < 7; i += 2) {
			int channel = Integer.parseInt(hex.substring(i, i + 2), 16);
			int mixed = (int) Math.round(channel + (towards - channel) * amount);
			out.append(String.format(Locale.ROOT, "%02x", Math.max(0, Math.min(255, mixed))));
		}
		return out.toString();
	}

}
