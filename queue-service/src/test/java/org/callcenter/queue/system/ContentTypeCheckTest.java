package org.callcenter.queue.system;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ContentTypeCheckTest {

	private final ContentTypeCheck check = new ContentTypeCheck();

	@Test
	void aBodyThatSaysItIsJsonGoesThrough() throws Exception {
		assertThat(passes("application/json")).isTrue();
		assertThat(passes("application/json; charset=UTF-8")).isTrue();
	}

	@Test
	void aRequestWithoutABodyTypeGoesThrough() throws Exception {
		assertThat(passes(null)).isTrue();
	}

	@Test
	void aWildcardOrUnreadableTypeIs415ProblemDetailsNot500() throws Exception {
		for (String type : new String[] { "*/*", "application/*", "json", "application/json; charset=\"" }) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();

			this.check.doFilter(request(type), response, chain);

			assertThat(chain.getRequest()).as(type).isNull();
			assertThat(response.getStatus()).as(type).isEqualTo(415);
			assertThat(response.getContentAsString()).contains("urn:callcenter:problem:unsupported-media-type");
		}
	}

	private boolean passes(String contentType) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.check.doFilter(request(contentType), new MockHttpServletResponse(), chain);
		return chain.getRequest() != null;
	}

	private static MockHttpServletRequest request(String contentType) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/calls");
		if (contentType != null) {
			request.setContentType(contentType);
		}
		return request;
	}

}
