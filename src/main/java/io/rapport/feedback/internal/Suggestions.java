package io.rapport.feedback.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.rapport.feedback.FeedbackApi.Suggestion;
import io.rapport.feedback.FeedbackApi.TopicView;
import io.rapport.feedback.TopicState;

import org.springframework.stereotype.Component;

/**
 * Topics for a ticket by the words they share: each word of the ticket's subject found in a topic's title weighs
 * {@link #TITLE}, in its description {@link #DESCRIPTION}; words of the customer's first message weigh half as
 * much again. Declined topics come last among equals. Topics are few (hundreds, written by the team), so they are
 * scored in memory rather than through a search index (docs/decisions.md).
 */
@Component
class Suggestions {

	static final int TITLE = 4;

	static final int DESCRIPTION = 2;

	private final TopicBook topics;

	Suggestions(TopicBook topics) {
		this.topics = topics;
	}

	List<Suggestion> forText(String subject, String firstMessage, int limit) {
		Set<String> subjectWords = Words.of(subject);
		Set<String> messageWords = Words.of(firstMessage);
		messageWords.removeAll(subjectWords);
		List<Suggestion> scored = new ArrayList<>();
		for (TopicView topic : topics.all()) {
			Set<String> title = Words.of(topic.title());
			Set<String> description = Words.of(topic.description());
			int score = 2 * score(subjectWords, title, description) + score(messageWords, title, description);
			if (score > 0) {
				scored.add(new Suggestion(topic, score));
			}
		}
		scored.sort(Comparator.comparingInt(Suggestion::score).reversed()
			.thenComparing(s -> s.topic().state() == TopicState.DECLINED)
			.thenComparing(s -> -s.topic().id()));
		return scored.stream().limit(Math.max(0, limit)).toList();
	}

	private static int score(Set<String> words, Set<String> title, Set<String> description) {
		int score = 0;
		for (String word : words) {
			if (title.contains(word)) {
				score += TITLE;
			}
			else if (description.contains(word)) {
				score += DESCRIPTION;
			}
		}
		return score;
	}
}
