package io.rapport.sample;

import java.util.List;

import io.rapport.shared.NotFoundException;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page of a module the web module has never heard of, as a module arriving later would write it: it joins the
 * layout, the sidebar and the error pages with {@link WorkspacePage} and a {@link SidebarContribution} alone.
 */
@Controller
@WorkspacePage
class SamplePage {

	static final String QUEUE = "Sample module queue";

	@GetMapping("/sample")
	String show(Model model) {
		model.addAttribute("activeView", "sample");
		return "sample/page";
	}

	@GetMapping("/sample/missing")
	String missing() {
		throw NotFoundException.of("errors.not-found");
	}

	@Bean
	static SidebarContribution sampleEntries() {
		return () -> List.of(SidebarEntry.named("nav.queues", 299, QUEUE, "/sample", "sample").withCount(() -> 7));
	}
}
