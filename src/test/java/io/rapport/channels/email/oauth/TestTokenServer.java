package io.rapport.channels.email.oauth;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real OAuth2 token server on a free local port, speaking the refresh_token grant of RFC 6749 section 6 over
 * HTTP: it checks the client id, secret and refresh token from the form body, answers a new access token as JSON
 * (rotating the refresh token when asked to), or an RFC 6749 section 5.2 error. Each issued token is handed to
 * {@code onIssue}, so the mail server can start accepting it, as a provider's would.
 */
final class TestTokenServer implements AutoCloseable {

	final String clientId = "client-" + System.nanoTime();

	final String clientSecret = "client-secret-" + System.nanoTime();

	volatile String refreshToken = "refresh-" + System.nanoTime();

	volatile boolean rotate;

	volatile long expiresIn = 3600;

	final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger issued = new AtomicInteger();

	private final HttpServer server;

	private final Consumer<String> onIssue;

	TestTokenServer(Consumer<String> onIssue) throws IOException {
		this.onIssue = onIssue;
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/token", this::token);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		requests.add(form);
		if (!"POST".equals(exchange.getRequestMethod()) || !"refresh_token".equals(form.get("grant_type"))) {
			answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
		}
		else if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
			answer(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Unknown client.\"}");
		}
		else if (!refreshToken.equals(form.get("refresh_token"))) {
			answer(exchange, 400,
					"{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
		}
		else {
			String access = "access-" + issued.incrementAndGet() + "-" + System.nanoTime();
			onIssue.accept(access);
			String rotated = "";
			if (rotate) {
				refreshToken = "refresh-" + System.nanoTime();
				rotated = ",\"refresh_token\":\"" + refreshToken + "\"";
			}
			answer(exchange, 200, "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":%d%s}"
				.formatted(access, expiresIn, rotated));
		}
	}

	int issued() {
		return issued.get();
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
