package io.rapport.identity.internal;

import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives a controller parameter marked {@link CurrentUser} the request's {@link AuthenticatedUser}. */
@Configuration(proxyBeanMethods = false)
class CurrentUserResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(0, this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(CurrentUser.class)
				&& AuthenticatedUser.class.isAssignableFrom(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return AuthenticatedUser.current();
	}
}
