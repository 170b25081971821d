package io.rapport.knowledge.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An article in one locale: its text (Markdown), its slug in that locale, its state, who wrote and who reviewed it,
 * and which revision of the default locale's text it was translated from. Indexed for search with one set of
 * fields per language ({@link TranslationBinder}), in the index {@code kb_translations_v2}: the name changes with
 * a change of its fields that the documents already written do not have (the new, empty index is rebuilt at
 * start, and Elasticsearch's schema check would refuse the old one).
 */
@Entity
@Table(name = "kb_translations")
@Indexed(index = "kb_translations_v2")
@TypeBinding(binder = @TypeBinderRef(type = TranslationBinder.class))
public class ArticleTranslation {

	public enum State {
		DRAFT, PUBLISHED, ARCHIVED
	}

	@Id
	@GeneratedValue(generator = "kb_translations_seq")
	@SequenceGenerator(name = "kb_translations_seq", sequenceName = "kb_translations_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "article_id")
	private Article article;

	private String locale;

	private String title;

	private String slug;

	private String summary;

	private String body;

	private String keywords;

	@Enumerated(EnumType.STRING)
	private State state;

	@Column(name = "author_id")
	private Long authorId;

	@Column(name = "reviewer_id")
	private Long reviewerId;

	private int revision;

	@Column(name = "source_revision")
	private Integer sourceRevision;

	@Version
	private long version;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "published_at")
	private Instant publishedAt;

	protected ArticleTranslation() {
	}

	ArticleTranslation(Article article, String locale, String slug, Instant now) {
		this.article = article;
		this.locale = locale;
		this.slug = slug;
		this.state = State.DRAFT;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Applies a save and says whether anything changed (a save that changes nothing makes no revision). Publishing
	 * for the first time stamps {@code publishedAt}.
	 */
	boolean write(String title, String summary, String body, String keywords, State state, Long authorId,
			Instant now) {
		boolean changed = revision == 0 || !title.equals(this.title) || !eq(summary, this.summary)
				|| !body.equals(this.body) || !eq(keywords, this.keywords) || state != this.state;
		if (!changed) {
			return false;
		}
		this.title = title;
		this.summary = summary;
		this.body = body;
		this.keywords = keywords;
		if (state == State.PUBLISHED && this.state != State.PUBLISHED) {
			this.publishedAt = now;
		}
		this.state = state;
		this.authorId = authorId;
		this.updatedAt = now;
		this.revision++;
		return true;
	}

	private static boolean eq(String a, String b) {
		return a == null ? b == null : a.equals(b);
	}

	void reslug(String slug) {
		this.slug = slug;
	}

	void review(Long reviewerId) {
		this.reviewerId = reviewerId;
	}

	void translatedFrom(Integer sourceRevision) {
		this.sourceRevision = sourceRevision;
	}

	public Long getId() {
		return id;
	}

	public Article getArticle() {
		return article;
	}

	public String getLocale() {
		return locale;
	}

	public String getTitle() {
		return title;
	}

	public String getSlug() {
		return slug;
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

	public List<String> keywordList() {
		return keywords == null || keywords.isBlank() ? List.of()
				: Arrays.stream(keywords.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
	}

	public State getState() {
		return state;
	}

	public boolean isPublished() {
		return state == State.PUBLISHED;
	}

	public Long getAuthorId() {
		return authorId;
	}

	public Long getReviewerId() {
		return reviewerId;
	}

	public int getRevision() {
		return revision;
	}

	public Integer getSourceRevision() {
		return sourceRevision;
	}

	public long getVersion() {
		return version;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}
}
