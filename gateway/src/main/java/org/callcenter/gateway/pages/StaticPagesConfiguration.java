package org.callcenter.gateway.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Serves the web client from memory ({@link StaticPages}), in place of Spring Boot's
 * class path resource handler ({@code spring.web.resources.add-mappings: false}).
 */
@Configuration(proxyBeanMethods = false)
class StaticPagesConfiguration implements WebFluxConfigurer {

	private final StaticPages pages;

	StaticPagesConfiguration(StaticPages pages) {
		this.pages = pages;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/" + StaticPages.LOCATION)
			.resourceChain(false)
			.addResolver(new StaticPagesResolver(this.pages));
	}

}
