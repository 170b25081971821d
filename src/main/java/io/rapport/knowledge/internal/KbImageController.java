package io.rapport.knowledge.internal;

import java.io.IOException;
import java.time.Duration;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.web.FileDownloads;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Pictures for articles: agents upload them (the editor, or the API) and get the Markdown to paste; anyone may load
 * one by its random address, inline, with {@code nosniff} and a sandboxing CSP.
 */
@Controller
@WorkspacePage
class KbImageController {

	/** Where an uploaded picture is, and the Markdown that shows it. */
	record Uploaded(String url, String markdown) {
	}

	private final KbImages images;

	KbImageController(KbImages images) {
		this.images = images;
	}

	/** The editor's upload: answers a fragment with the Markdown to paste into the body. */
	@PostMapping("/knowledge/images")
	String uploadFromEditor(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) MultipartFile file,
			Model model) throws IOException {
		user.requireAgent();
		try {
			model.addAttribute("uploaded", uploaded(store(images, file, user)));
		}
		catch (InvalidInputException e) {
			model.addAttribute("uploadError", e);
		}
		return "knowledge/fragments :: uploaded";
	}

	@GetMapping({ "/kb/images/{key}", "/kb/images/{key}/{name}" })
	ResponseEntity<byte[]> image(@PathVariable String key) {
		KbImage image = images.find(key).orElseThrow(() -> NotFoundException.of("errors.knowledge.image-not-found", key));
		return ResponseEntity.ok()
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", FileDownloads.SANDBOX_POLICY)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.contentType(MediaType.parseMediaType(image.getContentType()))
			.body(image.getData());
	}

	static KbImage store(KbImages images, MultipartFile file, AuthenticatedUser user) throws IOException {
		if (file == null || file.isEmpty()) {
			throw InvalidInputException.of("file", "errors.knowledge.image", KbImages.MAX_BYTES / (1024 * 1024));
		}
		return images.upload("file", file.getOriginalFilename(), file.getBytes(), user);
	}

	static Uploaded uploaded(KbImage image) {
		String alt = image.getFilename().replaceFirst("\\.[a-z]+$", "").replace('-', ' ');
		return new Uploaded(image.url(), "![" + alt + "](" + image.url() + ")");
	}
}
