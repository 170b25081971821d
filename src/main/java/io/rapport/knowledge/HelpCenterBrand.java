package io.rapport.knowledge;

/**
 * The help center's name, colour and default language, as an admin sets them under Admin → Help center; for code
 * that sets up a company (the demo).
 */
public interface HelpCenterBrand {

	/** Checked as the admin page checks them: a name of 1–120 characters, a colour {@code #rrggbb}, a locale spoken. */
	void brand(String companyName, String brandColor, String defaultLocale);
}
