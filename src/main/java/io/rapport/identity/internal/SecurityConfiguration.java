package io.rapport.identity.internal;

import java.io.IOException;
import java.util.HashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.rapport.identity.SignIns;
import io.rapport.shared.web.FrameSources;
import io.rapport.shared.web.ImageSources;
import io.rapport.shared.web.ProblemWriter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The one place that says who may reach which URL. Pages use a session and CSRF tokens; the API is stateless and
 * takes HTTP Basic or a bearer token. What a caller may see inside a resource is decided by the module that owns
 * it (for tickets: {@code TicketAccess}), for pages and API alike.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** Swagger UI styles itself inline; it shows no user content. */
	static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	/**
	 * bcrypt for new hashes; any stored {@code {id}} hash still verifies. The cost is 10 or more in production
	 * ({@code rapport.security.bcrypt-strength}); tests lower it to 4 so that fixtures do not each pay a real hash.
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${rapport.security.bcrypt-strength:10}") int strength) {
		if (strength < 4 || strength > 31) {
			throw new IllegalArgumentException("rapport.security.bcrypt-strength must be between 4 and 31");
		}
		var encoders = new HashMap<String, PasswordEncoder>();
		encoders.put("bcrypt", new BCryptPasswordEncoder(strength));
		DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder("bcrypt", encoders);
		delegating.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		return delegating;
	}

	/**
	 * No observation of Spring Security's filters, authentication or authorization: nothing reads them, and with an
	 * observation registry in the context (actuator) each of the chain's filters is otherwise wrapped in an
	 * observing decorator on every request, even when the observations themselves are switched off
	 * ({@code management.observations.enable.spring.security}).
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * URLs the firewall refuses ({@code //}, {@code ;}, an encoded dot or slash) answer a problem document on API
	 * paths and the 400 page elsewhere, never a bare container error.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
		return (request, response, rejected) -> {
			String path = request.getRequestURI().replaceAll("/{2,}", "/");
			if (path.startsWith(request.getContextPath() + "/api/")) {
				problems.write(response, HttpStatus.BAD_REQUEST, "rejected-url", "Request rejected",
						"The URL is not accepted: it contains a sequence such as //, ; or an encoded dot or slash.");
			}
			else {
				response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			}
		};
	}

	@Bean
	AuthenticationManager authenticationManager(RapportUserDetailsService users, PasswordEncoder encoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
	}

	/**
	 * The mail push endpoint authenticates the caller itself, by the mailbox's own bearer secret (channels'
	 * {@code InboundPushController}): no user, no session, no CSRF token, and not an API token.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain mailPush(HttpSecurity http) throws Exception {
		return selfAuthenticating(http, "/api/v1/mailboxes/*/inbound");
	}

	/**
	 * Stripe's webhook authenticates each event by its {@code Stripe-Signature} HMAC, which billing's
	 * {@code StripeWebhookController} checks itself: no user, no session, no CSRF token.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain stripeWebhook(HttpSecurity http) throws Exception {
		return selfAuthenticating(http, "/api/v1/billing/stripe/webhook");
	}

	/**
	 * Segment's tracking API ({@code /v1/batch}, {@code /v1/track}, ...) authenticates by write key, which activity's
	 * {@code TrackingController} checks itself: the key is the HTTP Basic user name with no password, not a user.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain tracking(HttpSecurity http) throws Exception {
		return selfAuthenticating(http, "/v1/**");
	}

	/**
	 * A POST endpoint that authenticates its caller itself (a secret of its own, a signature, a write key): no user,
	 * no session, no CSRF token, nothing to render.
	 */
	private static SecurityFilterChain selfAuthenticating(HttpSecurity http, String path) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, TokenService tokens,
			ProblemWriter problems, MessageSource messages) throws Exception {
		ProblemEntryPoint entryPoint = new ProblemEntryPoint(problems, messages);
		http.securityMatcher("/api/**")
			.authenticationManager(authenticationManager)
			// the knowledge base is read by anonymous visitors too: published public articles only (KnowledgeApi);
			// help-center readers vote and search without an account
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/kb/**").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/search/articles").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/kb/articles/*/votes").permitAll()
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager, SignIns signIns)
			throws Exception {
		var portal = PathPatternRequestMatcher.withDefaults().matcher("/portal/**");
		var swagger = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
						"/login", "/portal/login", "/portal/signup", "/actuator/health", "/actuator/health/**",
						"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
						// pictures of help-center articles (knowledge's KbImages): random keys, shown to anyone
						"/kb/images/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/portal/signup").permitAll()
				.requestMatchers("/portal/invitation/**", "/portal/verify/**", "/portal/forgot", "/portal/reset/**",
						"/portal/language")
				.permitAll()
				.requestMatchers("/help", "/help/**", "/helpcenter/**", "/sitemap.xml").permitAll()
				// CSAT survey links from mail (surveys' CsatLinkPages): the random token is the credential
				.requestMatchers("/survey/**").permitAll()
				// NPS answer pages opened from a mailed link: the signed token is the credential (surveys' NpsLinks)
				.requestMatchers("/surveys/nps/**").permitAll()
				.requestMatchers("/portal/**").hasRole("CONTACT")
				.requestMatchers("/admin/**").hasRole("ADMIN")
				.anyRequest().hasRole("AGENT"))
			.formLogin(form -> form.loginPage("/login")
				.loginProcessingUrl("/login")
				.usernameParameter("email")
				.successHandler(new RoleHomeSuccessHandler(signIns))
				.failureHandler(SecurityConfiguration::loginFailed)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler((request, response, authentication) ->
					response.sendRedirect(request.getContextPath()
							+ ("portal".equals(request.getParameter("origin")) ? "/portal/login?logout" : "/login?logout"))))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/portal/login"), portal)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						request -> true))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny())
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			.headers(headers -> headers.addHeaderWriter((request, response) -> {
				if (swagger.matches(request)) {
					response.setHeader("Content-Security-Policy", SWAGGER_POLICY);
				}
				else if (!ImageSources.allowed(request).isEmpty() || !FrameSources.allowed(request).isEmpty()) {
					String policy = PAGE_POLICY.replace("img-src 'self' data:",
							("img-src 'self' data: " + String.join(" ", ImageSources.allowed(request))).strip());
					String frames = String.join(" ", FrameSources.allowed(request));
					response.setHeader("Content-Security-Policy", frames.isEmpty() ? policy
							: policy + "; frame-src " + frames + "; media-src 'self' " + frames);
				}
			}));
		return http.build();
	}

	private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException e) throws IOException {
		String page = "portal".equals(request.getParameter("origin")) ? "/portal/login" : "/login";
		String reason = e instanceof LoginThrottledException ? "throttled"
				: e instanceof CredentialsExpiredException ? "unverified" : "error";
		response.sendRedirect(request.getContextPath() + page + "?" + reason);
	}

	/** Customers land in the portal, agents in their workspace (or the page they first asked for). */
	static final class RoleHomeSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

		private final SignIns signIns;

		RoleHomeSuccessHandler(SignIns signIns) {
			this.signIns = signIns;
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws jakarta.servlet.ServletException, IOException {
			boolean contact = authentication.getAuthorities().stream()
				.anyMatch(authority -> "ROLE_CONTACT".equals(authority.getAuthority()));
			if (contact && authentication.getPrincipal() instanceof RapportUserDetails details) {
				signIns.signedIn(details.user());
			}
			setDefaultTargetUrl(contact ? "/portal" : "/tickets");
			setAlwaysUseDefaultTargetUrl(false);
			super.onAuthenticationSuccess(request, response, authentication);
		}
	}
}
