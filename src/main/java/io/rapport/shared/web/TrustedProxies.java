package io.rapport.shared.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the client's address, scheme and host from {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and
 * {@code -Port} only when the request comes from a configured proxy ({@code rapport.trusted-proxies}: IP addresses
 * or CIDR ranges, loopback by default). Anyone else's forwarded headers are ignored, so a client cannot choose the
 * address the sign-in throttle counts. The client is the rightmost {@code X-Forwarded-For} entry that is not itself
 * a trusted proxy, as Tomcat's RemoteIpValve does; entries to its left were written by the client and are not
 * believed. Runs before everything else, Spring Security included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TrustedProxies extends OncePerRequestFilter {

	private final List<IpAddressMatcher> proxies;

	TrustedProxies(@Value("${rapport.trusted-proxies:127.0.0.0/8,::1}") String proxies) {
		this.proxies = Arrays.stream(proxies.split(","))
			.map(String::strip)
			.filter(entry -> !entry.isEmpty())
			.map(IpAddressMatcher::new)
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean forwarded = request.getHeader("X-Forwarded-For") != null || request.getHeader("X-Forwarded-Proto") != null
				|| request.getHeader("X-Forwarded-Host") != null || request.getHeader("X-Forwarded-Port") != null;
		if (!forwarded || !trusted(request.getRemoteAddr())) {
			chain.doFilter(request, response);
			return;
		}
		String client = client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
		String proto = last(request.getHeader("X-Forwarded-Proto"));
		String host = last(request.getHeader("X-Forwarded-Host"));
		String port = last(request.getHeader("X-Forwarded-Port"));
		chain.doFilter(new Forwarded(request, client, proto, host, port), response);
	}

	boolean trusted(String address) {
		String ip = literal(address);
		if (ip == null) {
			return false;
		}
		for (IpAddressMatcher proxy : proxies) {
			try {
				if (proxy.matches(ip)) {
					return true;
				}
			}
			catch (IllegalArgumentException notAnAddress) {
				return false;
			}
		}
		return false;
	}

	private String client(String peer, String forwardedFor) {
		if (forwardedFor == null || forwardedFor.isBlank()) {
			return peer;
		}
		String[] hops = forwardedFor.split(",");
		String client = peer;
		for (int i = hops.length - 1; i >= 0 && trusted(client); i--) {
			String hop = literal(hops[i]);
			if (hop == null) {
				break;
			}
			client = hop;
		}
		return client;
	}

	/** An IP address literal, without brackets or port; {@code null} for anything else (a host name, "unknown"). */
	private static String literal(String value) {
		if (value == null) {
			return null;
		}
		String ip = value.strip();
		if (ip.startsWith("[") && ip.contains("]")) {
			ip = ip.substring(1, ip.indexOf(']'));
		}
		else if (ip.indexOf(':') > 0 && ip.indexOf(':') == ip.lastIndexOf(':')) {
			ip = ip.substring(0, ip.indexOf(':'));
		}
		boolean ipv4 = ip.matches("\\d{1,3}(\\.\\d{1,3}){3}");
		boolean ipv6 = ip.contains(":") && ip.matches("[0-9a-fA-F:.]+");
		return ipv4 || ipv6 ? ip : null;
	}

	private static String last(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.substring(header.lastIndexOf(',') + 1).strip();
		return value.isEmpty() ? null : value;
	}

	/** The request as the client sent it to the proxy. */
	private static final class Forwarded extends HttpServletRequestWrapper {

		private final String client;

		private final String scheme;

		private final String host;

		private final int port;

		Forwarded(HttpServletRequest request, String client, String proto, String forwardedHost, String forwardedPort) {
			super(request);
			this.client = client;
			this.scheme = proto == null ? request.getScheme() : proto.toLowerCase(java.util.Locale.ROOT);
			String name = request.getServerName();
			int hostPort = -1;
			if (forwardedHost != null) {
				int colon = forwardedHost.lastIndexOf(':');
				boolean hasPort = colon > 0 && forwardedHost.indexOf(']') < colon;
				name = hasPort ? forwardedHost.substring(0, colon) : forwardedHost;
				hostPort = hasPort ? parse(forwardedHost.substring(colon + 1)) : -1;
			}
			int port = forwardedPort != null ? parse(forwardedPort) : hostPort;
			if (port < 0) {
				port = proto == null && forwardedHost == null ? request.getServerPort()
						: "https".equals(scheme) ? 443 : 80;
			}
			this.host = name;
			this.port = port;
		}

		private static int parse(String port) {
			try {
				return Integer.parseInt(port.strip());
			}
			catch (NumberFormatException e) {
				return -1;
			}
		}

		@Override
		public String getRemoteAddr() {
			return client;
		}

		@Override
		public String getRemoteHost() {
			return client;
		}

		@Override
		public String getScheme() {
			return scheme;
		}

		@Override
		public boolean isSecure() {
			return "https".equals(scheme);
		}

		@Override
		public String getServerName() {
			return host;
		}

		@Override
		public int getServerPort() {
			return port;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = new StringBuffer(scheme).append("://").append(host);
			if (!("https".equals(scheme) && port == 443) && !("http".equals(scheme) && port == 80)) {
				url.append(':').append(port);
			}
			return url.append(getRequestURI());
		}
	}
}
