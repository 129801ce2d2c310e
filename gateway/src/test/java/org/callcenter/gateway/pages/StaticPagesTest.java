package org.callcenter.gateway.pages;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

import static org.assertj.core.api.Assertions.assertThat;

class StaticPagesTest {

	private final StaticPages pages = new StaticPages();

	@Test
	void holdsEveryFileOfTheWebClientWithItsContentNameAndTime() throws IOException {
		for (String path : new String[] { "caller.html", "agent.html", "login.html", "js/queue-place.js" }) {
			ClassPathResource original = new ClassPathResource("static/" + path);
			Resource loaded = this.pages.find(path).orElseThrow();
			assertThat(loaded.getContentAsByteArray()).isEqualTo(original.getContentAsByteArray());
			assertThat(loaded.contentLength()).isEqualTo(original.contentLength());
			assertThat(loaded.lastModified()).isEqualTo(original.lastModified());
			assertThat(loaded.getFilename()).isEqualTo(original.getFilename());
		}
	}

	@Test
	void aFileKeepsTheContentTypeItsNameGives() {
		assertThat(MediaTypeFactory.getMediaType(this.pages.find("caller.html").orElseThrow()))
			.contains(MediaType.TEXT_HTML);
		assertThat(MediaTypeFactory.getMediaType(this.pages.find("js/queue-place.js").orElseThrow()))
			.hasValueSatisfying((type) -> assertThat(type.getSubtype()).isEqualTo("javascript"));
	}

	@Test
	void findsNothingOutsideTheWebClientOrForAFolder() {
		assertThat(this.pages.find("application.yml")).isEmpty();
		assertThat(this.pages.find("../application.yml")).isEmpty();
		assertThat(this.pages.find("js")).isEmpty();
		assertThat(this.pages.find("js/")).isEmpty();
		assertThat(this.pages.find("")).isEmpty();
		assertThat(this.pages.find("org/callcenter/gateway/GatewayApplication.class")).isEmpty();
	}

}
