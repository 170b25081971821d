package io.rapport.web;

import io.rapport.shared.web.WorkspacePage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sidebar's views with fresh counts, which the layout polls so an open workspace stays current. */
@Controller
@WorkspacePage
class WorkspaceViews {

	@GetMapping("/workspace/views")
	String views(@RequestParam(required = false) String active, Model model) {
		model.addAttribute("activeView", active);
		return "layout :: views";
	}
}
