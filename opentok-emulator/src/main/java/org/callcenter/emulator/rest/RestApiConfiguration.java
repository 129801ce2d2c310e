package org.callcenter.emulator.rest;

import org.callcenter.emulator.auth.ProjectAuthInterceptor;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every REST path the server SDK calls requires its project JWT. */
@Configuration(proxyBeanMethods = false)
class RestApiConfiguration implements WebMvcConfigurer {

	private final ProjectAuthInterceptor projectAuth;

	RestApiConfiguration(ProjectAuthInterceptor projectAuth) {
		this.projectAuth = projectAuth;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.projectAuth).addPathPatterns("/session/create", "/v2/**", "/emulator/**");
	}

}
