package io.rapport.activity.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import io.rapport.shared.InvalidInputException;
import io.rapport.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Segment's HTTP tracking API, so existing Segment libraries send here by changing the host: the write key is the
 * HTTP Basic user name, so the security configuration lets {@code /v1/**} through to this controller. A batch
 * answers 200 with what was stored, skipped as a duplicate, or refused and why (docs/events.md): libraries retry
 * only on 5xx and 429, which Rapport answers only when nothing was stored.
 */
@RestController
@Tag(name = "Tracking (Segment)")
class TrackingController {

	static final int MAX_BATCH_BYTES = 500 * 1024;

	static final int MAX_BATCH_EVENTS = 2500;

	private final WriteKeys keys;

	private final Ingest ingest;

	private final JsonMapper json;

	private final MessageSource messages;

	TrackingController(WriteKeys keys, Ingest ingest, JsonMapper json, MessageSource messages) {
		this.keys = keys;
		this.ingest = ingest;
		this.json = json;
		this.messages = messages;
	}

	/** {@code /v1/import} is the older name of the same call, which analytics-java still posts to (as {@code /v1/import/}). */
	@Operation(summary = "Send up to 2,500 events (500 KB) at once: {batch: [...], sentAt?, context?}")
	@PostMapping({ "/v1/batch", "/v1/import", "/v1/import/", "/v1/batch/" })
	ResponseEntity<Object> batch(HttpServletRequest request) throws IOException {
		byte[] body = read(request, MAX_BATCH_BYTES, "batch");
		Batch batch = parseBatch(body);
		Optional<Long> key = key(request, batch.root());
		if (key.isEmpty()) {
			return unauthorized();
		}
		if (batch.messages() == null) {
			throw InvalidInputException.of("batch", "errors.activity.batch-missing");
		}
		if (batch.messages().size() > MAX_BATCH_EVENTS) {
			throw InvalidInputException.of("batch", "errors.activity.batch-events", MAX_BATCH_EVENTS);
		}
		Instant sentAt = sentAt(batch.root());
		Ingest.Outcome outcome = ingest.messages(key.get(), batch.messages(), null, sentAt,
				body.length > SegmentRules.MAX_MESSAGE_BYTES ? batch.sizes() : null);
		return ResponseEntity.ok(answer(outcome));
	}

	/**
	 * A batch body read once: its messages (null when {@code batch} is missing or not an array), each one's size in
	 * bytes as sent (for Segment's 32 KB per message, taken from where the parser found it rather than by writing it
	 * out again), and the body's other fields.
	 */
	record Batch(ObjectNode root, List<JsonNode> messages, int[] sizes) {
	}

	private Batch parseBatch(byte[] body) {
		try (JsonParser parser = json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw InvalidInputException.of("body", "errors.activity.body-invalid");
			}
			ObjectNode root = json.createObjectNode();
			List<JsonNode> messages = null;
			int[] sizes = new int[0];
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				if (parser.nextToken() == JsonToken.START_ARRAY && name.equals("batch")) {
					root.remove("batch");
					messages = new ArrayList<>(512);
					sizes = new int[512];
					while (parser.nextToken() != JsonToken.END_ARRAY) {
						long start = parser.currentTokenLocation().getByteOffset();
						JsonNode message = parser.readValueAsTree();
						if (messages.size() == sizes.length) {
							sizes = java.util.Arrays.copyOf(sizes, sizes.length * 2);
						}
						sizes[messages.size()] = (int) (parser.currentLocation().getByteOffset() - start);
						messages.add(message == null ? json.nullNode() : message);
					}
				}
				else {
					if (name.equals("batch")) {
						messages = null;
					}
					JsonNode value = parser.readValueAsTree();
					root.set(name, value == null ? json.nullNode() : value);
				}
			}
			if (parser.nextToken() != null) {
				throw InvalidInputException.of("body", "errors.activity.body-invalid");
			}
			return new Batch(root, messages, sizes);
		}
		catch (JacksonException e) {
			throw InvalidInputException.of("body", "errors.activity.body-invalid");
		}
	}

	@Operation(summary = "Send one track, identify, group, page or screen call")
	@PostMapping("/v1/{type:track|identify|group|page|screen}")
	ResponseEntity<Object> single(@PathVariable String type, HttpServletRequest request) throws IOException {
		byte[] body = read(request, SegmentRules.MAX_MESSAGE_BYTES, "message");
		JsonNode root = parse(body);
		Optional<Long> key = key(request, root);
		if (key.isEmpty()) {
			return unauthorized();
		}
		Ingest.Outcome outcome = ingest.messages(key.get(), List.of(root), type, null, null);
		if (!outcome.refused().isEmpty()) {
			Refusal refusal = outcome.refused().get(0);
			throw InvalidInputException.of(refusal.field(), "errors.activity.event." + refusal.code(),
					refusal.field());
		}
		return ResponseEntity.ok(answer(outcome));
	}

	/**
	 * The write key: HTTP Basic's user name, or (as Segment also accepts, and analytics-java 3.x sends) the body's
	 * {@code writeKey}.
	 */
	private Optional<Long> key(HttpServletRequest request, JsonNode root) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null) {
			return keys.authenticate(header);
		}
		JsonNode writeKey = root.get("writeKey");
		return writeKey != null && writeKey.isString() ? keys.authenticateKey(writeKey.stringValue())
				: Optional.empty();
	}

	private Map<String, Object> answer(Ingest.Outcome outcome) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("success", true);
		answer.put("accepted", outcome.accepted());
		answer.put("duplicates", outcome.duplicates());
		answer.put("refused", outcome.refused().stream().map(r -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("index", r.index());
			item.put("messageId", r.messageId());
			item.put("field", r.field());
			item.put("code", r.code());
			item.put("detail", messages.getMessage("errors.activity.event." + r.code(), new Object[] { r.field() },
					LocaleContextHolder.getLocale()));
			return item;
		}).toList());
		return answer;
	}

	private Instant sentAt(JsonNode root) {
		try {
			return SegmentRules.instant(root, "sentAt");
		}
		catch (SegmentRules.Broken broken) {
			throw InvalidInputException.of("sentAt", "errors.activity.event.timestamp-invalid", "sentAt");
		}
	}

	private JsonNode parse(byte[] body) {
		try {
			JsonNode root = json.readTree(body);
			if (root == null || !root.isObject()) {
				throw InvalidInputException.of("body", "errors.activity.body-invalid");
			}
			return root;
		}
		catch (JacksonException e) {
			throw InvalidInputException.of("body", "errors.activity.body-invalid");
		}
	}

	/** The body, unzipped when sent gzipped, refused past the limit without reading further. */
	private static byte[] read(HttpServletRequest request, int limit, String field) throws IOException {
		if (request.getContentLengthLong() > limit) {
			throw InvalidInputException.of(field, "errors.activity.too-large", limit / 1024);
		}
		InputStream in = request.getInputStream();
		if ("gzip".equalsIgnoreCase(request.getHeader(HttpHeaders.CONTENT_ENCODING))) {
			try {
				in = new GZIPInputStream(in);
			}
			catch (IOException notGzip) {
				throw InvalidInputException.of("body", "errors.activity.body-invalid");
			}
		}
		try (InputStream body = in) {
			byte[] bytes = body.readNBytes(limit + 1);
			if (bytes.length > limit) {
				throw InvalidInputException.of(field, "errors.activity.too-large", limit / 1024);
			}
			return bytes;
		}
		catch (java.util.zip.ZipException broken) {
			throw InvalidInputException.of("body", "errors.activity.body-invalid");
		}
	}

	private ResponseEntity<Object> unauthorized() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, messages.getMessage(
				"errors.activity.write-key", null, LocaleContextHolder.getLocale()));
		problem.setType(URI.create(ApiProblems.TYPE_BASE + "unauthorized"));
		problem.setTitle("Unauthorized");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE,
				"Basic realm=\"Rapport tracking\"").contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
