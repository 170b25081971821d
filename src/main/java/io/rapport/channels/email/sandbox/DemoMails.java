package io.rapport.channels.email.sandbox;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import io.rapport.accounts.ContactView;
import io.rapport.identity.AgentView;
import io.rapport.tickets.TicketView;

import static io.rapport.channels.email.sandbox.SandboxDemo.base64Lines;
import static io.rapport.channels.email.sandbox.SandboxDemo.date;
import static io.rapport.channels.email.sandbox.SandboxDemo.encodedWord;

/**
 * The demo's raw mails (RFC 5322 bytes), written the way real clients write them, so the demo shows what the
 * pipeline makes of charsets, quoted history, remote images, attachments, CCs, auto-replies and false claims.
 * Message-IDs carry {@code token} so that they are new to every mailbox they are fed to.
 */
final class DemoMails {

	static final String FIRST_SUBJECT = "Gantt export to PDF cuts off the last month";

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final Charset LATIN2 = Charset.forName("ISO-8859-2");

	private final Instant now;

	private final String token;

	DemoMails(Instant now, String token) {
		this.now = now;
		this.token = token;
	}

	/** The Message-ID of the first mail of the thread, as it appears in headers. */
	String firstId(ContactView customer) {
		return "<" + token + ".1@mail." + domain(customer) + ">";
	}

	byte[] first(ContactView customer) {
		return utf8(headers(customer, FIRST_SUBJECT, firstId(customer), 90, "Europe/London")
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ "Hello,\r\n\r\nwhen I export our \u201cWarehouse move 2027\u201d board as a Gantt PDF (A3, landscape), the "
				+ "chart stops at the end of November \u2014 December and January are simply missing. The on-screen "
				+ "Gantt shows all three months. We need the printout for Thursday\u2019s steering meeting.\r\n\r\n"
				+ "Is there a setting I am missing?\r\n\r\nThanks,\r\n" + customer.displayName() + "\r\n");
	}

	static String agentReply(ContactView customer, AgentView agent) {
		return "Hi " + first(customer.displayName()) + ",\n\nthanks for the details. The PDF export fits the chart to "
				+ "the page width, so long timelines are cut at the page edge. Until we fix that, choose Export → "
				+ "Gantt PDF → \"Fit to: timeline\" (it then spreads the chart over several pages), or narrow the "
				+ "date range to the three months you need.\n\nDoes that give you a complete printout?\n\n"
				+ agent.name();
	}

	byte[] outOfOffice(ContactView customer, TicketView ticket) {
		return utf8(headers(customer, "Automatic reply: [#" + ticket.number() + "] " + ticket.subject(),
				"<" + token + ".2@mail." + domain(customer) + ">", 20, "Europe/London")
				+ "In-Reply-To: " + firstId(customer) + "\r\nReferences: " + firstId(customer) + "\r\n"
				+ "Auto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: All\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ "I am travelling until Friday with limited access to email. For anything urgent about the warehouse "
				+ "move, please call the project office on +44 20 7946 0321.\r\n\r\n" + customer.displayName() + "\r\n");
	}

	byte[] answer(ContactView customer, TicketView ticket) {
		return utf8(headers(customer, "Re: [#" + ticket.number() + "] " + ticket.subject(),
				"<" + token + ".3@mail." + domain(customer) + ">", 5, "Europe/London")
				+ "In-Reply-To: " + firstId(customer) + "\r\nReferences: " + firstId(customer) + "\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ "\u201cFit to: timeline\u201d did it: four A3 pages, nothing missing. I will tape them together for "
				+ "Thursday. A single wide page would still be nicer one day!\r\n\r\nSent from my phone\r\n\r\n"
				+ "On " + date(now.minus(Duration.ofMinutes(25)), "Europe/London") + ", Support <" + MailSandbox.ADDRESS
				+ "> wrote:\r\n> Until we fix that, choose Export \u2192 Gantt PDF \u2192 \"Fit to: timeline\"\r\n");
	}

	/** Someone who takes no part in the ticket writes as if answering it. */
	byte[] stranger(TicketView ticket) {
		return utf8("From: Marcus Bell <m.bell@quarry-supplies.example>\r\nTo: Support <" + MailSandbox.ADDRESS
				+ ">\r\nSubject: Re: [#" + ticket.number() + "] " + ticket.subject() + "\r\nDate: "
				+ date(now.minus(Duration.ofMinutes(2)), "America/Chicago") + "\r\nMessage-ID: <" + token
				+ ".4@quarry-supplies.example>\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ "Same here: our Gantt PDFs stop after two months as well. Please add me to this case and let me "
				+ "know when it is fixed.\r\n\r\nMarcus Bell\r\nQuarry Supplies Ltd\r\n");
	}

	/** GB18030 text and HTML: new text with a remote screenshot above a colleague's quoted mail (Gmail's markup). */
	byte[] chinese(ContactView customer) {
		String boundary = "----=_Part_" + token + "_cn";
		String html = "<div>您好，</div><div><br></div><div>我们导出的甘特图 PDF 里，所有中文任务名都显示成了方块（见截图），"
				+ "英文部分正常。浏览器里看是正常的。请问是不是缺少中文字体？</div>"
				+ "<div><img src=\"https://img.jaderiver-cdn.example/shots/gantt-export-boxes.png\" alt=\"截图\" "
				+ "width=\"600\"></div><div><br></div><div>谢谢！<br>" + customer.displayName() + "</div><br>"
				+ "<div class=\"gmail_quote\"><div class=\"gmail_attr\">李娜 &lt;li.na@"
				+ domain(customer) + "&gt; 于2026年11月30日周一 17:42写道：<br></div>"
				+ "<blockquote class=\"gmail_quote\" style=\"margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex\">"
				+ "<div>客户明天要看项目进度，能不能把甘特图导出成 PDF 发给他们？中文名字要显示正确。</div></blockquote></div>";
		String text = "您好，\r\n\r\n我们导出的甘特图 PDF 里，所有中文任务名都显示成了方块（见截图），英文部分正常。"
				+ "浏览器里看是正常的。请问是不是缺少中文字体？\r\n\r\n谢谢！\r\n" + customer.displayName() + "\r\n";
		return ascii(headers(customer, encodedWord("甘特图导出 PDF 后中文变成方块", GB18030),
				"<" + token + ".5@mail." + domain(customer) + ">", 45, "Asia/Shanghai", GB18030)
				+ "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary + "\r\n"
				+ "Content-Type: text/plain; charset=GB18030\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				+ base64Lines(text, GB18030) + "\r\n--" + boundary + "\r\n"
				+ "Content-Type: text/html; charset=GB18030\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				+ base64Lines("<html><body>" + html + "</body></html>", GB18030) + "\r\n--" + boundary + "--\r\n");
	}

	/** ISO-8859-2 text (with the cedilla letters that charset has) with the invoice as a PDF, copying accounting. */
	byte[] romanian(ContactView customer) {
		String boundary = "------------" + token + "ro";
		String name = legacy(customer.displayName());
		String text = "Bună ziua,\r\n\r\nfactura BL-2026-1187 pentru noiembrie are TVA 19%, dar din august cota "
				+ "este 21%. Vă rog să ne trimiteţi o factură corectată; o ataşez pe cea primită.\r\n\r\n"
				+ "Am pus-o în copie pe colega de la contabilitate.\r\n\r\nMulţumesc,\r\n" + name + "\r\n";
		return latin2(headers(customer, encodedWord("Factura din noiembrie - TVA greşit", LATIN2),
				"<" + token + ".6@mail." + domain(customer) + ">", 30, "Europe/Bucharest", LATIN2)
				+ "Cc: " + encodedWord("Contabilitate", LATIN2) + " <contabilitate@" + domain(customer) + ">\r\n"
				+ "Content-Language: ro\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
				+ "This is a multi-part message in MIME format.\r\n--" + boundary + "\r\n"
				+ "Content-Type: text/plain; charset=ISO-8859-2\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ text + "\r\n--" + boundary + "\r\n"
				+ "Content-Type: application/pdf; name=\"BL-2026-1187.pdf\"\r\n"
				+ "Content-Disposition: attachment; filename=\"BL-2026-1187.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				+ Base64.getMimeEncoder().encodeToString(DemoPdf.invoice()) + "\r\n--" + boundary + "--\r\n");
	}

	private String headers(ContactView from, String subject, String messageId, int minutesAgo, String zone) {
		return headers(from, subject, messageId, minutesAgo, zone, StandardCharsets.UTF_8);
	}

	private String headers(ContactView from, String subject, String messageId, int minutesAgo, String zone,
			Charset charset) {
		return "From: " + phrase(from.displayName(), charset) + " <" + from.email() + ">\r\nTo: Support <"
				+ MailSandbox.ADDRESS + ">\r\nSubject: " + subject + "\r\nDate: "
				+ date(now.minus(Duration.ofMinutes(minutesAgo)), zone) + "\r\nMessage-ID: " + messageId
				+ "\r\nMIME-Version: 1.0\r\n";
	}

	private static String phrase(String name, Charset charset) {
		if (StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
			return "\"" + name.replace("\\", "").replace("\"", "") + "\"";
		}
		String legacy = charset.equals(LATIN2) ? legacy(name) : name;
		return charset.newEncoder().canEncode(legacy) ? encodedWord(legacy, charset)
				: encodedWord(name, StandardCharsets.UTF_8);
	}

	/** Romanian as ISO-8859-2 writes it: ş and ţ with a cedilla, for the comma-below letters it lacks. */
	private static String legacy(String text) {
		return text.replace('ș', 'ş').replace('Ș', 'Ş').replace('ț', 'ţ').replace('Ț', 'Ţ');
	}

	private static String first(String name) {
		int space = name.indexOf(' ');
		return space > 0 ? name.substring(0, space) : name;
	}

	private static String domain(ContactView contact) {
		return contact.email().substring(contact.email().indexOf('@') + 1);
	}

	private static byte[] utf8(String mail) {
		return mail.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] ascii(String mail) {
		return mail.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] latin2(String mail) {
		return legacy(mail).getBytes(LATIN2);
	}
}
