package io.rapport.knowledge.helpcenter;

import io.rapport.knowledge.HelpCenterBrand;

import org.springframework.stereotype.Component;

@Component
class HelpCenterBranding implements HelpCenterBrand {

	private final HelpCenterLook look;

	HelpCenterBranding(HelpCenterLook look) {
		this.look = look;
	}

	@Override
	public void brand(String companyName, String brandColor, String defaultLocale) {
		look.save(companyName, brandColor, defaultLocale);
	}
}
