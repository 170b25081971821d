package io.rapport.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeHtmlTests {

	@Test
	void shouldRemoveScriptsEventHandlersAndJavascriptUrls() {
		String html = SafeHtml.sanitize("""
				<p onclick="steal()">Hi<script>alert(1)</script></p><img src=x onerror=alert(2)>
				<a href="javascript:alert(3)">click</a><iframe src="https://evil.example"></iframe>
				<svg onload=alert(4)></svg><style>body{display:none}</style><a href="https://ok.example">ok</a>""");

		assertThat(html).doesNotContain("script", "onclick", "onerror", "javascript:", "iframe", "svg", "style", "img")
			.contains("<p>Hi</p>")
			.contains("<a href=\"https://ok.example\" rel=\"");
		assertThat(rel(html)).containsExactlyInAnyOrder("nofollow", "noopener", "noreferrer");
	}

	@Test
	void shouldKeepParagraphsLineBreaksAndLinksOfPlainText() {
		String html = SafeHtml.fromText("Hello <team>,\nsee https://status.example/x?a=1&b=2.\n\nThanks");

		assertThat(html.replaceAll(" rel=\"[^\"]*\"", ""))
			.isEqualTo("<p>Hello &lt;team&gt;,<br />see <a href=\"https://status.example/x?a=1&amp;b=2\">"
					+ "https://status.example/x?a=1&amp;b=2</a>.</p><p>Thanks</p>");
		assertThat(rel(html)).containsExactlyInAnyOrder("nofollow", "noopener", "noreferrer");
	}

	@Test
	void shouldKeepTextThatLooksLikeAttackInertWithoutTheSanitizer() {
		String html = SafeHtml.fromText("see https://x.example/\"onmouseover=alert(1) and <script>alert(2)</script> "
				+ "javascript:alert(3) 'x' & done");

		assertThat(html).doesNotContain("<script", "\"onmouseover", "href=\"javascript")
			.contains("&lt;script&gt;")
			.contains("href=\"https://x.example/&#34;onmouseover=alert(1\"");
	}

	@Test
	void shouldReadBodiesWithKnownTagsAsHtmlAndOthersAsText() {
		assertThat(SafeHtml.fromEither("<b>bold</b>")).isEqualTo("<b>bold</b>");
		assertThat(SafeHtml.fromEither("if a<b and b>c")).isEqualTo("<p>if a&lt;b and b&gt;c</p>");
	}

	@Test
	void shouldMakeShortPlainExcerpts() {
		assertThat(SafeHtml.excerpt("<p>Tom &amp; Jerry</p><p>second paragraph here</p>", 20))
			.isEqualTo("Tom & Jerry second…");
	}

	private static String[] rel(String html) {
		return html.replaceAll("(?s).*rel=\"([^\"]*)\".*", "$1").split(" ");
	}
}
