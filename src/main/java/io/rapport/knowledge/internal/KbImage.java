package io.rapport.knowledge.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A picture uploaded for articles, found by a random key (its address cannot be guessed from another's). */
@Entity
@Table(name = "kb_images")
public class KbImage {

	@Id
	@Column(name = "image_key")
	private String key;

	private String filename;

	@Column(name = "content_type")
	private String contentType;

	@Column(name = "size_bytes")
	private int size;

	private byte[] data;

	@Column(name = "author_id")
	private Long authorId;

	@Column(name = "created_at")
	private Instant createdAt;

	protected KbImage() {
	}

	KbImage(String key, String filename, String contentType, byte[] data, Long authorId, Instant createdAt) {
		this.key = key;
		this.filename = filename;
		this.contentType = contentType;
		this.size = data.length;
		this.data = data;
		this.authorId = authorId;
		this.createdAt = createdAt;
	}

	public String getKey() {
		return key;
	}

	public String getFilename() {
		return filename;
	}

	public String getContentType() {
		return contentType;
	}

	public byte[] getData() {
		return data;
	}

	/** Where the picture is served; the only image address an article body may use. */
	public String url() {
		return "/kb/images/" + key + "/" + filename;
	}
}
