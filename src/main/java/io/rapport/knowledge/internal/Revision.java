package io.rapport.knowledge.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One saved version of a translation, kept whole so that any two can be compared and any one restored. */
@Entity
@Table(name = "kb_revisions")
public class Revision {

	@Id
	@GeneratedValue(generator = "kb_revisions_seq")
	@SequenceGenerator(name = "kb_revisions_seq", sequenceName = "kb_revisions_seq", allocationSize = 50)
	private Long id;

	@Column(name = "translation_id")
	private long translationId;

	private int number;

	private String title;

	private String summary;

	private String body;

	private String keywords;

	@Enumerated(EnumType.STRING)
	private ArticleTranslation.State state;

	@Column(name = "author_id")
	private Long authorId;

	@Column(name = "author_name")
	private String authorName;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Revision() {
	}

	static Revision of(ArticleTranslation translation, String authorName) {
		Revision revision = new Revision();
		revision.translationId = translation.getId();
		revision.number = translation.getRevision();
		revision.title = translation.getTitle();
		revision.summary = translation.getSummary();
		revision.body = translation.getBody();
		revision.keywords = translation.getKeywords();
		revision.state = translation.getState();
		revision.authorId = translation.getAuthorId();
		revision.authorName = authorName;
		revision.createdAt = translation.getUpdatedAt();
		return revision;
	}

	public Long getId() {
		return id;
	}

	public long getTranslationId() {
		return translationId;
	}

	public int getNumber() {
		return number;
	}

	public String getTitle() {
		return title;
	}

	public String getSummary() {
		return summary;
	}

	public String getBody() {
		return body;
	}

	public String getKeywords() {
		return keywords;
	}

	public ArticleTranslation.State getState() {
		return state;
	}

	public Long getAuthorId() {
		return authorId;
	}

	public String getAuthorName() {
		return authorName;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}
