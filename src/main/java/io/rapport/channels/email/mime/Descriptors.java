package io.rapport.channels.email.mime;

import java.util.Locale;

import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptorBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;

/**
 * Reads {@code Content-Type} and {@code Content-Transfer-Encoding} for mime4j's token stream with our linear
 * {@link Parameters} scanner: mime4j's own parameter parser takes seconds on a hostile {@code Content-Type} of a few
 * hundred thousand semicolons. Defaults as RFC 2045 says: {@code text/plain}, or {@code message/rfc822} inside a
 * {@code multipart/digest}; a multipart without a boundary is read as text.
 */
final class Descriptors implements BodyDescriptorBuilder {

	private final String parentType;

	private String contentType;

	private String transferEncoding;

	Descriptors() {
		this(null);
	}

	private Descriptors(String parentType) {
		this.parentType = parentType;
	}

	@Override
	public void reset() {
		contentType = null;
		transferEncoding = null;
	}

	@Override
	public Field addField(RawField field) {
		String name = field.getNameLowerCase();
		if (name.equals("content-type") && contentType == null) {
			contentType = field.getBody();
		}
		else if (name.equals("content-transfer-encoding") && transferEncoding == null) {
			transferEncoding = field.getBody() == null ? null : field.getBody().strip().toLowerCase(Locale.ROOT);
		}
		return field;
	}

	@Override
	public BodyDescriptor build() {
		String fallback = "multipart/digest".equals(parentType) ? "message/rfc822" : "text/plain";
		String mimeType = fallback;
		String boundary = null;
		String charset = null;
		if (contentType != null) {
			int semi = contentType.indexOf(';');
			String type = (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
			int slash = type.indexOf('/');
			if (slash > 0 && slash < type.length() - 1 && type.indexOf(' ') < 0) {
				mimeType = type;
			}
			Parameters parameters = Parameters.of(contentType);
			boundary = parameters.raw("boundary");
			charset = parameters.get("charset");
		}
		if (mimeType.startsWith("multipart/") && (boundary == null || boundary.isEmpty())) {
			mimeType = "text/plain";
		}
		return new Descriptor(mimeType, boundary, charset,
				transferEncoding == null || transferEncoding.isEmpty() ? "7bit" : transferEncoding);
	}

	@Override
	public BodyDescriptorBuilder newChild() {
		return new Descriptors(build().getMimeType());
	}

	/** What the token stream needs to know of an entity. */
	private record Descriptor(String getMimeType, String getBoundary, String getCharset, String getTransferEncoding)
			implements BodyDescriptor {

		@Override
		public String getMediaType() {
			return getMimeType.substring(0, getMimeType.indexOf('/'));
		}

		@Override
		public String getSubType() {
			return getMimeType.substring(getMimeType.indexOf('/') + 1);
		}

		@Override
		public long getContentLength() {
			return -1;
		}
	}
}
