package io.rapport.tickets.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rapport.shared.web.ImageSources;
import io.rapport.tickets.MessageAnnotation;
import io.rapport.tickets.MessageAnnotations;
import io.rapport.tickets.MessageView;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How the agent's ticket page shows the conversation: remote pictures are blocked (a placeholder instead, and a
 * "Load remote images" link that shows them for that one message, the page's policy allowing their origins for that
 * response only), and other modules' lines ({@link MessageAnnotations}) go under each message.
 */
@Component
class ConversationDisplay {

	private static final Logger log = LoggerFactory.getLogger(ConversationDisplay.class);

	private static final Pattern REMOTE_SRC = Pattern.compile("<img\\b[^>]*?\\bsrc=\"(https?:[^\"]*)\"",
			Pattern.CASE_INSENSITIVE);

	private final ObjectProvider<MessageAnnotations> annotations;

	private final MessageSource words;

	ConversationDisplay(ObjectProvider<MessageAnnotations> annotations, MessageSource words) {
		this.annotations = annotations;
		this.words = words;
	}

	/**
	 * Puts {@code messages}, {@code remoteImages} (ids of messages whose remote pictures are blocked) and
	 * {@code annotations} (lines per message id) in the model.
	 */
	void fill(Model model, long ticketId, List<MessageView> messages, Long showRemoteImagesOf) {
		Locale locale = LocaleContextHolder.getLocale();
		String placeholder = words.getMessage("message.remoteImageBlocked", null, "Remote image blocked", locale);
		Set<Long> blocked = new HashSet<>();
		List<MessageView> shown = new ArrayList<>(messages.size());
		for (MessageView m : messages) {
			boolean remote = InlineImages.hasRemote(m.bodyHtml()) || InlineImages.hasRemote(m.quotedHtml());
			if (remote && Long.valueOf(m.id()).equals(showRemoteImagesOf)) {
				allowOrigins(m);
				shown.add(m);
			}
			else if (remote) {
				blocked.add(m.id());
				shown.add(new MessageView(m.id(), m.authorType(), m.authorId(), m.authorName(), m.visibility(),
						InlineImages.blockRemote(m.bodyHtml(), placeholder), m.createdAt(), m.attachments(),
						m.onBehalfOfId(), m.onBehalfOfName(), m.autoReply(),
						InlineImages.blockRemote(m.quotedHtml(), placeholder)));
			}
			else {
				shown.add(m);
			}
		}
		model.addAttribute("messages", shown);
		model.addAttribute("remoteImages", blocked);
		model.addAttribute("annotations", annotate(ticketId, messages.stream().map(MessageView::id).toList(), locale));
	}

	/** Every module's lines, in bean order, asked once per page view; a module that fails is left out. */
	Map<Long, List<MessageAnnotation>> annotate(long ticketId, List<Long> messageIds, Locale locale) {
		Map<Long, List<MessageAnnotation>> lines = new LinkedHashMap<>();
		if (messageIds.isEmpty()) {
			return lines;
		}
		annotations.orderedStream().forEach(source -> {
			try {
				source.annotate(ticketId, messageIds, locale)
					.forEach((id, list) -> lines.computeIfAbsent(id, k -> new ArrayList<>()).addAll(list));
			}
			catch (RuntimeException e) {
				log.warn("Message annotations from {} failed on ticket {}", source.getClass().getName(), ticketId, e);
			}
		});
		return lines;
	}

	private static void allowOrigins(MessageView m) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return;
		}
		List<String> urls = new ArrayList<>();
		for (String html : new String[] { m.bodyHtml(), m.quotedHtml() }) {
			if (html != null) {
				Matcher matcher = REMOTE_SRC.matcher(html);
				while (matcher.find()) {
					urls.add(InlineImages.unescape(matcher.group(1)));
				}
			}
		}
		HttpServletRequest request = attributes.getRequest();
		ImageSources.allow(request, urls);
	}
}
