package io.rapport.knowledge.helpcenter;

/**
 * How the help center looks: the company's name, its brand colour ({@code #rrggbb}), the locale of visitors whose
 * browser asks for none the help center speaks, and the version of the logo (0: none), which is part of the
 * logo's URL so browsers may cache it for long.
 */
public record HelpCenterSettings(String companyName, String brandColor, String defaultLocale, int logoVersion) {

	static final HelpCenterSettings DEFAULTS = new HelpCenterSettings("Rapport", "#2f5bea", "en", 0);

	public boolean hasLogo() {
		return logoVersion > 0;
	}

	/** Changes with the colour, so the theme stylesheet's URL changes with it. */
	public String themeVersion() {
		return brandColor.substring(1).toLowerCase(java.util.Locale.ROOT);
	}
}
