package io.rapport.channels.email.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.channels.email.oauth.MailboxOAuth.Protocol;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Speaks the refresh_token grant of RFC 6749 (section 6) to a token server: client credentials in the body
 * ({@code client_secret_post}, which Google and Microsoft both take), the answer read as JSON. A refusal becomes
 * {@link TokenRefusedException} with the server's {@code error} and {@code error_description} in words.
 */
@Component
class TokenEndpoint {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	private final JsonMapper json = JsonMapper.builder().build();

	/** A renewed access token; {@code refreshToken} is set when the server rotated it. */
	record Answer(String accessToken, long expiresInSeconds, String refreshToken) {
	}

	Answer refresh(String tokenUrl, String clientId, String clientSecret, String refreshToken, Protocol protocol)
			throws TokenRefusedException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", refreshToken);
		form.put("client_id", clientId);
		if (clientSecret != null) {
			form.put("client_secret", clientSecret);
		}
		OAuthPresets.scope(tokenUrl, protocol).ifPresent(scope -> form.put("scope", scope));
		HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new TokenRefusedException("The token server " + URI.create(tokenUrl).getHost()
					+ " could not be reached: " + reason(e));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new TokenRefusedException("Renewing the token was interrupted");
		}
		return answer(response);
	}

	private Answer answer(HttpResponse<String> response) throws TokenRefusedException {
		JsonNode body = parse(response.body());
		if (response.statusCode() == 200 && body != null && body.hasNonNull("access_token")) {
			long expiresIn = body.hasNonNull("expires_in") ? body.get("expires_in").asLong(3600) : 3600;
			String rotated = body.hasNonNull("refresh_token") ? body.get("refresh_token").asString() : null;
			return new Answer(body.get("access_token").asString(), expiresIn, rotated);
		}
		if (body != null && body.hasNonNull("error")) {
			String code = body.get("error").asString();
			String description = body.hasNonNull("error_description") ? body.get("error_description").asString() : "";
			throw new TokenRefusedException(refusal(code, oneLine(description)));
		}
		throw new TokenRefusedException("The token server answered HTTP " + response.statusCode() + " without a token");
	}

	static String refusal(String code, String description) {
		String detail = code + (description.isEmpty() ? "" : ": " + description);
		return switch (code) {
			case "invalid_grant" -> "The token server refused the refresh token (" + detail
					+ "). It has expired or was revoked: sign in with the provider again and store a new refresh token.";
			case "invalid_client", "unauthorized_client" -> "The token server does not accept this client id or client"
					+ " secret (" + detail + ").";
			default -> "The token server refused to renew the access token (" + detail + ").";
		};
	}

	private JsonNode parse(String body) {
		try {
			return body == null || body.isBlank() ? null : json.readTree(body);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String reason(IOException e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : oneLine(message);
	}

	private static String oneLine(String text) {
		String line = text.replaceAll("[\\p{Cntrl}]+", " ").strip();
		return line.length() > 300 ? line.substring(0, 300) + "…" : line;
	}
}
