package io.rapport.knowledge.helpcenter;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The help center's look, set by admins: name, colour, default language and a checked logo. */
class HelpCenterSettingsTests extends IntegrationTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HelpCenterLook look;

	@AfterEach
	void restoreTheDefaults() {
		HelpCenterSettings defaults = HelpCenterSettings.DEFAULTS;
		look.save(defaults.companyName(), defaults.brandColor(), defaults.defaultLocale());
		look.removeLogo();
	}

	@Test
	void shouldBrandTheHelpCenterWithTheCompanysNameColourAndDefaultLanguage() throws Exception {
		Fixtures.Person admin = fixtures.anAdmin();
		mvc.perform(get("/admin")).andExpect(status().is3xxRedirection());
		assertThat(mvc.perform(get("/admin").with(signedInAs(admin))).andReturn().getResponse().getContentAsString())
			.contains("href=\"/admin/help-center\"");

		mvc.perform(post("/admin/help-center").with(csrf()).with(signedInAs(admin)).param("companyName", "Verdastelo")
			.param("brandColor", "#0E7C3A").param("defaultLocale", "eo")).andExpect(redirectedUrl("/admin/help-center"));

		mvc.perform(get("/help").header("Accept-Language", "de")).andExpect(redirectedUrl("/help/eo"));
		String home = mvc.perform(get("/help/eo")).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("Verdastelo", "/help/theme.css?v=0e7c3a", "Helpocentro de Verdastelo");
		mvc.perform(get("/help/theme.css").param("v", "0e7c3a")).andExpect(content().string(containsString("--brand: #0e7c3a;")));
	}

	@Test
	void shouldRefuseABadColourOrNameBesideTheField() throws Exception {
		Fixtures.Person admin = fixtures.anAdmin();

		String page = mvc.perform(post("/admin/help-center").with(csrf()).with(signedInAs(admin)).param("companyName", "Ok")
			.param("brandColor", "red;}body{display:none").param("defaultLocale", "en"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("The brand colour is written #rrggbb");
		mvc.perform(post("/admin/help-center").with(csrf()).with(signedInAs(admin)).param("companyName", " ")
			.param("brandColor", "#123456").param("defaultLocale", "en")).andExpect(status().isBadRequest());
		mvc.perform(post("/admin/help-center").with(csrf()).with(signedInAs(admin)).param("companyName", "Ok")
			.param("brandColor", "#123456").param("defaultLocale", "fr")).andExpect(status().isBadRequest());
		assertThat(look.settings().brandColor()).isEqualTo(HelpCenterSettings.DEFAULTS.brandColor());
		mvc.perform(post("/admin/help-center").with(csrf()).with(signedInAs(fixtures.anAgentIn("tier1")))
			.param("companyName", "Hijack").param("brandColor", "#000000").param("defaultLocale", "en"))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldAcceptAnImageLogoAndServeItWithSafeHeaders() throws Exception {
		Fixtures.Person admin = fixtures.anAdmin();

		mvc.perform(multipart("/admin/help-center/logo").file(new MockMultipartFile("logo", "logo.png", "image/png", PNG))
			.with(csrf()).with(signedInAs(admin))).andExpect(redirectedUrl("/admin/help-center"));

		int version = look.settings().logoVersion();
		assertThat(version).isPositive();
		mvc.perform(get("/help/logo").param("v", Integer.toString(version))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		assertThat(mvc.perform(get("/help/en")).andReturn().getResponse().getContentAsString())
			.contains("/help/logo?v=" + version, "og:image");
	}

	@Test
	void shouldRefuseALogoThatIsNotAnImageWhateverItClaims() throws Exception {
		Fixtures.Person admin = fixtures.anAdmin();
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();

		String page = mvc.perform(multipart("/admin/help-center/logo")
			.file(new MockMultipartFile("logo", "logo.png", "image/png", svg)).with(csrf()).with(signedInAs(admin)))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("The logo must be a PNG, JPEG, GIF or WebP image");
		mvc.perform(multipart("/admin/help-center/logo")
			.file(new MockMultipartFile("logo", "big.png", "image/png", new byte[600 * 1024])).with(csrf())
			.with(signedInAs(admin))).andExpect(status().isBadRequest());
		mvc.perform(get("/help/logo")).andExpect(status().isNotFound());
	}
}
