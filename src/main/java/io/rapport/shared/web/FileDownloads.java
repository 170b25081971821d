package io.rapport.shared.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way a file someone uploaded is sent back, by the API, the workspace and the portal alike: always a
 * download, never rendered ({@code attachment}, {@code nosniff}), and sandboxed should a browser open it anyway, so
 * a hostile HTML or SVG file cannot run in our origin.
 */
public final class FileDownloads {

	public static final String SANDBOX_POLICY = "default-src 'none'; sandbox";

	private FileDownloads() {
	}

	public static ResponseEntity<byte[]> attachment(String filename, String contentType, byte[] content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", SANDBOX_POLICY)
			.contentType(mediaType(contentType))
			.body(content);
	}

	/** A type the uploader's browser sent that does not parse is sent as plain bytes. */
	private static MediaType mediaType(String contentType) {
		try {
			return contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
		}
		catch (RuntimeException e) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}
}
