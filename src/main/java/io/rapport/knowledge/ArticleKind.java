package io.rapport.knowledge;

/** What an article is: a how-to guide, a step-by-step walkthrough, a question and its answer, a customer's story, or a video. */
public enum ArticleKind {
	GUIDE, WALKTHROUGH, FAQ, CASE_STUDY, VIDEO
}
