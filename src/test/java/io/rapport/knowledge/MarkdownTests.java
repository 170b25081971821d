package io.rapport.knowledge;

import io.rapport.knowledge.internal.Markdown;
import io.rapport.knowledge.internal.VideoEmbeds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Article bodies: CommonMark with tables, rendered safe whatever the author wrote. */
class MarkdownTests {

	@Test
	void shouldRenderCommonMarkWithTables() {
		String html = Markdown.toHtml("""
				## Plans

				| Plan | Seats |
				|------|-------|
				| Team | 10    |

				See [pricing](https://brightlane.example/pricing).""");

		assertThat(html).contains("<h2>Plans</h2>", "<table>", "<th>Plan</th>", "<td>10</td>",
				"<a href=\"https://brightlane.example/pricing\" rel=\"");
		assertThat(html).containsPattern("rel=\"[a-z ]*nofollow[a-z ]*\">pricing</a>");
	}

	@Test
	void shouldShowRawHtmlAsText() {
		String html = Markdown.toHtml("<script>alert(1)</script>\n\n<b onclick=\"x()\">bold</b>");

		assertThat(html).doesNotContain("<script", "<b ", "onclick=\"").contains("&lt;script&gt;");
	}

	@Test
	void shouldDropJavascriptLinks() {
		assertThat(Markdown.toHtml("[click](javascript:alert(1)) [data](data:text/html,x)"))
			.doesNotContain("javascript:", "data:text");
	}

	@Test
	void shouldKeepOnlyImagesUploadedToTheKnowledgeBase() {
		assertThat(Markdown.toHtml("![chart](/kb/images/Ab3dEf6hIj9kLm2nOp5qRs/chart.png)"))
			.contains("<img src=\"/kb/images/Ab3dEf6hIj9kLm2nOp5qRs/chart.png\" alt=\"chart\" />");
		assertThat(Markdown.toHtml("![x](https://evil.example/x.png) ![y](x\" onerror=\"alert(1))"))
			.doesNotContain("<img", "onerror=\"");
	}

	@Test
	void shouldStripMarkupForTheSearchIndex() {
		assertThat(Markdown.toText("## Reset\n\nPress **Forgot password** and [open](https://x.example) the mail."))
			.contains("Reset").contains("Press Forgot password and open the mail").doesNotContain("**", "##", "](", "x.example");
	}

	@Test
	void shouldMakeRunsOfSpacesOneAndDropThemAtLineEndsInTheText() {
		assertThat(Markdown.toText("  Press   the\tbutton \nthen  wait.\n\n```\n\tx \t y  \n```\n"))
			.isEqualTo("Press the button\nthen wait.\nx y");
	}

	@Test
	void shouldEmbedOnlyAllowedVideos() {
		assertThat(VideoEmbeds.embed("https://www.youtube.com/watch?v=dQw4w9WgXcQ"))
			.contains("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
		assertThat(VideoEmbeds.embed("https://youtu.be/dQw4w9WgXcQ"))
			.contains("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
		assertThat(VideoEmbeds.embed("https://vimeo.com/76979871")).contains("https://player.vimeo.com/video/76979871");
		assertThat(VideoEmbeds.embed("https://cdn.brightlane.example/videos/setup.mp4"))
			.contains("https://cdn.brightlane.example/videos/setup.mp4");
		assertThat(VideoEmbeds.embed("https://evil.example/page.html")).isEmpty();
		assertThat(VideoEmbeds.embed("javascript:alert(1)")).isEmpty();
		assertThat(VideoEmbeds.embed("https://www.youtube.com/watch?v=\"><script>")).isEmpty();
		assertThat(VideoEmbeds.embed("http://cdn.example/setup.mp4")).isEmpty();
	}
}
