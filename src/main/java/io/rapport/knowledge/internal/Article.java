package io.rapport.knowledge.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.rapport.knowledge.ArticleKind;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An article: what holds its translations together (kind, category, who may read it, the locale it is written in
 * first, a video). The text lives in its {@link ArticleTranslation}s, one per locale.
 */
@Entity
@Table(name = "kb_articles")
public class Article {

	public enum Visibility {
		PUBLIC, INTERNAL
	}

	@Id
	@GeneratedValue(generator = "kb_articles_seq")
	@SequenceGenerator(name = "kb_articles_seq", sequenceName = "kb_articles_seq", allocationSize = 50)
	private Long id;

	@Enumerated(EnumType.STRING)
	private ArticleKind kind;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "category_id")
	private Category category;

	@Enumerated(EnumType.STRING)
	private Visibility visibility;

	@Column(name = "default_locale")
	private String defaultLocale;

	@Column(name = "video_url")
	private String videoUrl;

	private int position;

	@Column(name = "source_ticket_id")
	private Long sourceTicketId;

	@OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<ArticleTranslation> translations = new ArrayList<>();

	@Version
	private long version;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Article() {
	}

	Article(ArticleKind kind, Category category, Visibility visibility, String defaultLocale, Instant now) {
		this.kind = kind;
		this.category = category;
		this.visibility = visibility;
		this.defaultLocale = defaultLocale;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public ArticleKind getKind() {
		return kind;
	}

	public Category getCategory() {
		return category;
	}

	public Long getCategoryId() {
		return category == null ? null : category.getId();
	}

	public Visibility getVisibility() {
		return visibility;
	}

	public boolean isInternal() {
		return visibility == Visibility.INTERNAL;
	}

	public String getDefaultLocale() {
		return defaultLocale;
	}

	public String getVideoUrl() {
		return videoUrl;
	}

	public int getPosition() {
		return position;
	}

	public Long getSourceTicketId() {
		return sourceTicketId;
	}

	public List<ArticleTranslation> getTranslations() {
		return translations;
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

	public Optional<ArticleTranslation> translation(String locale) {
		return translations.stream().filter(t -> t.getLocale().equals(locale)).findFirst();
	}

	/** The default locale's translation: the source every other translation is written from. */
	public Optional<ArticleTranslation> source() {
		return translation(defaultLocale);
	}

	/** A translation is outdated when its source was changed after the revision it was translated from. */
	public boolean isOutdated(ArticleTranslation translation) {
		if (translation.getLocale().equals(defaultLocale)) {
			return false;
		}
		return source().map(source -> translation.getSourceRevision() == null
				|| translation.getSourceRevision() < source.getRevision()).orElse(false);
	}

	ArticleTranslation addTranslation(ArticleTranslation translation) {
		translations.add(translation);
		return translation;
	}

	void classify(ArticleKind kind, Category category, Visibility visibility, Instant now) {
		this.kind = kind;
		this.category = category;
		this.visibility = visibility;
		touch(now);
	}

	void changeDefaultLocale(String locale, Instant now) {
		this.defaultLocale = locale;
		touch(now);
	}

	void video(String url, Instant now) {
		this.videoUrl = url;
		touch(now);
	}

	void moveTo(int position) {
		this.position = position;
	}

	void writtenFrom(Long ticketId) {
		this.sourceTicketId = ticketId;
	}

	void touch(Instant now) {
		this.updatedAt = now;
	}

	void expectVersion(Long expected) {
		if (expected != null && expected != version) {
			throw io.rapport.shared.ConflictException.of("errors.knowledge.stale", id);
		}
	}
}
