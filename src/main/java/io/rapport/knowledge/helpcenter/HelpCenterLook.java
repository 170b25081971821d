package io.rapport.knowledge.helpcenter;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.rapport.shared.InvalidInputException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored {@link HelpCenterSettings} and logo (one row). Read on every public page, so the settings are kept
 * in memory for a few seconds; another node sees a change within that time.
 */
@Component
class HelpCenterLook {

	static final int LOGO_BYTES = 512 * 1024;

	private static final long CACHE_MILLIS = 5_000;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private volatile HelpCenterSettings cached;

	private volatile long cachedAt;

	HelpCenterLook(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Logo(byte[] bytes, String contentType) {
	}

	HelpCenterSettings settings() {
		HelpCenterSettings current = cached;
		if (current == null || System.currentTimeMillis() - cachedAt > CACHE_MILLIS) {
			List<HelpCenterSettings> rows = jdbc.query("select company_name, brand_color, default_locale, logo_version "
					+ "from knowledge_helpcenter_settings where id = 1", (row, n) -> new HelpCenterSettings(
							row.getString(1), row.getString(2), row.getString(3), row.getInt(4)));
			current = rows.isEmpty() ? HelpCenterSettings.DEFAULTS : rows.get(0);
			cached = current;
			cachedAt = System.currentTimeMillis();
		}
		return current;
	}

	/** Saves name, colour and default locale, each checked; a field in error is named. */
	@Transactional
	HelpCenterSettings save(String companyName, String brandColor, String defaultLocale) {
		String name = companyName == null ? "" : companyName.strip();
		if (name.isEmpty() || name.length() > 120) {
			throw InvalidInputException.of("companyName", "errors.helpcenter.company-name");
		}
		if (brandColor == null || !brandColor.strip().matches("#[0-9a-fA-F]{6}")) {
			throw InvalidInputException.of("brandColor", "errors.helpcenter.brand-color");
		}
		if (!HelpLocales.supported(defaultLocale)) {
			throw InvalidInputException.of("defaultLocale", "errors.contact.locale", String.valueOf(defaultLocale),
					String.join(", ", HelpLocales.SUPPORTED));
		}
		ensureRow();
		jdbc.update("update knowledge_helpcenter_settings set company_name = ?, brand_color = ?, default_locale = ?, "
				+ "updated_at = ? where id = 1", name, brandColor.strip().toLowerCase(java.util.Locale.ROOT),
				defaultLocale, Timestamp.from(clock.instant()));
		cached = null;
		return settings();
	}

	/** Stores a new logo after {@link LogoCheck} accepted it. */
	@Transactional
	void saveLogo(byte[] bytes, String contentType) {
		ensureRow();
		jdbc.update("update knowledge_helpcenter_settings set logo = ?, logo_content_type = ?, "
				+ "logo_version = logo_version + 1, updated_at = ? where id = 1", bytes, contentType,
				Timestamp.from(clock.instant()));
		cached = null;
	}

	@Transactional
	void removeLogo() {
		ensureRow();
		jdbc.update("update knowledge_helpcenter_settings set logo = null, logo_content_type = null, "
				+ "logo_version = 0, updated_at = ? where id = 1", Timestamp.from(clock.instant()));
		cached = null;
	}

	Optional<Logo> logo() {
		return jdbc.query("select logo, logo_content_type from knowledge_helpcenter_settings where id = 1 "
				+ "and logo is not null", (row, n) -> new Logo(row.getBytes(1), row.getString(2))).stream().findFirst();
	}

	private void ensureRow() {
		HelpCenterSettings d = HelpCenterSettings.DEFAULTS;
		jdbc.update("insert into knowledge_helpcenter_settings (id, company_name, brand_color, default_locale, "
				+ "logo_version, updated_at) select 1, ?, ?, ?, 0, ? from (values (1)) as one (x) where not exists "
				+ "(select 1 from knowledge_helpcenter_settings where id = 1)", d.companyName(), d.brandColor(),
				d.defaultLocale(), Timestamp.from(clock.instant()));
	}
}
