package io.rapport.shared;

import java.util.List;

/**
 * Lines a module adds to the start-up banner, below the address and the first sign-in (the mail sandbox's ports,
 * say), so a newcomer finds in one place everything running on their machine.
 */
@FunctionalInterface
public interface StartupBanner {

	List<String> bannerLines();
}
