package org.callcenter.gateway.pages;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves a request's path among the {@link StaticPages} only: a path that is not one of
 * the web client's files is not looked for on the class path (a 404 costs nothing).
 * {@link org.springframework.web.reactive.resource.ResourceWebHandler} has refused paths
 * that climb out of the root or are encoded oddly before asking.
 */
final class StaticPagesResolver implements ResourceResolver {

	private final StaticPages pages;

	StaticPagesResolver(StaticPages pages) {
		this.pages = pages;
	}

	@Override
	public Mono<Resource> resolveResource(ServerWebExchange exchange, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		return Mono.justOrEmpty(this.pages.find(requestPath));
	}

	@Override
	public Mono<String> resolveUrlPath(String resourcePath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return Mono.justOrEmpty(this.pages.find(resourcePath).map((found) -> resourcePath));
	}

}
