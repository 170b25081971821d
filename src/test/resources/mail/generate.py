#!/usr/bin/env python3
"""Writes the real-world-shaped mails of Rapport's parser corpus (run from this folder; the .eml files are committed).

Each mail is raw bytes as a client would send it: its own charset, transfer encoding and quirks. The expectations
of each mail are in corpus.tsv beside it (read by MailCorpusTests and by the inbound pipeline's tests).
"""
import base64
import quopri

CRLF = "\r\n"
files = {}
ids = iter(range(1, 1000))


def b64(data, width=76):
    s = base64.b64encode(data).decode()
    return CRLF.join(s[i:i + width] for i in range(0, len(s), width))


def qp(data):
    return quopri.encodestring(data).decode("ascii").replace("\n", CRLF)


def ew_b(text, charset):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(charset)).decode())


def mail(name, headers, body):
    """headers: list of (name, value) str; body: bytes or str (ascii)."""
    head = "".join("%s: %s%s" % (n, v, CRLF) for n, v in headers).encode("utf-8")
    if isinstance(body, str):
        body = body.replace(CRLF, "\n").replace("\n", CRLF).encode("utf-8")
    files[name] = head + CRLF.encode() + body


def common(subject, frm="Jane Customer <jane@customer.example>", mid=None, extra=()):
    h = [("From", frm), ("To", "Brightlane Support <support@brightlane.example>"), ("Subject", subject),
         ("Date", "Mon, 02 Mar 2026 09:15:00 +0000"), ("MIME-Version", "1.0")]
    if mid is not False:
        h.append(("Message-ID", "<%s>" % (mid or "corpus-%d@mail.customer.example" % next(ids))))
    return h + list(extra)


# 1 Gmail reply with a quote in both parts
mail("gmail-reply.eml", common("Re: Invoice 2026-03 is wrong", mid="CAF1gmail-reply@mail.gmail.com", extra=[
    ("In-Reply-To", "<t123.m456.9f8e7d@rapport.brightlane.example>"),
    ("References", "<t123.m400.aaaaaa@rapport.brightlane.example> <t123.m456.9f8e7d@rapport.brightlane.example>"),
    ("Content-Type", 'multipart/alternative; boundary="000000000000gmail"')]), """--000000000000gmail
Content-Type: text/plain; charset="UTF-8"

Thanks, the corrected invoice looks right now.

On Mon, Mar 2, 2026 at 9:00 AM Brightlane Support <support@brightlane.example>
wrote:

> Hello Jane, we have fixed the invoice.
> Regards, Sam

--000000000000gmail
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"ltr">Thanks, the corrected invoice looks right now.</div><br><d=
iv class=3D"gmail_quote"><div dir=3D"ltr" class=3D"gmail_attr">On Mon, Mar =
2, 2026 at 9:00 AM Brightlane Support &lt;support@brightlane.example&gt; wr=
ote:<br></div><blockquote class=3D"gmail_quote">Hello Jane, we have fixed t=
he invoice.<br>Regards, Sam</blockquote></div>

--000000000000gmail--
""")

# 2 Outlook with TNEF and divRplyFwdMsg
html_outlook = ('<html><head><style>p{margin:0}</style></head><body><div class="WordSection1">'
                '<p>Please find the export attached.</p><p>Kind regards,<br>Tom</p></div>'
                '<hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr">'
                '<b>From:</b> Brightlane Support<br><b>Sent:</b> Monday, March 2, 2026 9:00 AM<br>'
                '<b>Subject:</b> Export</div><div>Could you send us the export?</div></body></html>')
mail("outlook-tnef.eml", common("RE: Export needed", frm='"Tom Outlook" <Tom.Outlook@corp.example>',
                                mid="DB8PR01MB0001@eurprd01.prod.outlook.com", extra=[
    ("Thread-Topic", "Export needed"), ("Thread-Index", "AQHZx1234567890abcdefA=="),
    ("Content-Language", "en-US"),
    ("Content-Type", 'multipart/mixed; boundary="_004_outlook_"')]),
    "--_004_outlook_\nContent-Type: multipart/alternative; boundary=\"_000_outlook_\"\n\n"
    "--_000_outlook_\nContent-Type: text/plain; charset=\"us-ascii\"\n\n"
    "Please find the export attached.\n\nKind regards,\nTom\n\n"
    "________________________________\nFrom: Brightlane Support\nSent: Monday, March 2, 2026 9:00 AM\n"
    "Subject: Export\n\nCould you send us the export?\n\n"
    "--_000_outlook_\nContent-Type: text/html; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable\n\n"
    + qp(html_outlook.encode()).replace(CRLF, "\n") + "\n\n--_000_outlook_--\n\n"
    "--_004_outlook_\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\n"
    "Content-Disposition: attachment; filename=\"winmail.dat\"\nContent-Transfer-Encoding: base64\n\n"
    + b64(b"\x78\x9f\x3e\x22" + bytes(range(256)) * 4).replace(CRLF, "\n") + "\n\n--_004_outlook_--\n")

# 3 Outlook desktop HTML-only, windows-1252, border-top From: block
html = ('<html><body><div class=WordSection1><p class=MsoNormal>Le café est prêt, merci ! Coût : 12 €.</p>'
        '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">'
        '<p class=MsoNormal><b>From:</b> Support &lt;support@brightlane.example&gt;<br><b>Sent:</b> Monday</p></div>'
        '<p class=MsoNormal>Old question about the café</p></div></body></html>')
mail("outlook-border-top-1252.eml", common("RE: Café order", frm="Amélie <amelie@corp.example>", extra=[
    ("Content-Type", 'text/html; charset="windows-1252"'), ("Content-Transfer-Encoding", "quoted-printable")]),
    qp(html.encode("windows-1252")))

# 4 Outlook plain text with -----Original Message-----
mail("outlook-original-message.eml", common("RE: Password reset", extra=[
    ("Content-Type", "text/plain; charset=us-ascii")]),
    "The reset link worked, thank you.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n\n"
    "Here is your reset link.\n")

# 5 Apple Mail with blockquote type=cite
mail("apple-mail.eml", common("Re: Shipping delay", frm="Lucy Apple <lucy@icloud.example>", extra=[
    ("Content-Type", 'multipart/alternative; boundary="Apple-Mail=_1"')]), """--Apple-Mail=_1
Content-Transfer-Encoding: 7bit
Content-Type: text/plain; charset=us-ascii

Great, the parcel arrived today.

> On 2 Mar 2026, at 09:00, Brightlane Support <support@brightlane.example> wrote:
>
> Your parcel is on its way.

--Apple-Mail=_1
Content-Transfer-Encoding: 7bit
Content-Type: text/html; charset=us-ascii

<html><body style="word-wrap: break-word;"><div>Great, the parcel arrived today.</div><div><br><blockquote type="cite"><div>On 2 Mar 2026, at 09:00, Brightlane Support &lt;support@brightlane.example&gt; wrote:</div><div>Your parcel is on its way.</div></blockquote></div></body></html>
--Apple-Mail=_1--
""")

# 6 Thunderbird, format=flowed and moz-cite-prefix
mail("thunderbird.eml", common("Re: Export format", frm="Karl Bird <karl@bird.example>", extra=[
    ("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "de-DE"),
    ("Content-Type", 'multipart/alternative; boundary="------------tb1"')]), """This is a multi-part message in MIME format.
--------------tb1
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 8bit

Danke, das CSV-Format passt für uns sehr gut und wir können es direkt 
importieren.

Am 02.03.26 um 09:00 schrieb Brightlane Support:
> Wir haben das Format geändert.

--------------tb1
Content-Type: text/html; charset=UTF-8
Content-Transfer-Encoding: 8bit

<html><body><p>Danke, das CSV-Format passt für uns sehr gut und wir können es direkt importieren.</p>
<div class="moz-cite-prefix">Am 02.03.26 um 09:00 schrieb Brightlane Support:<br></div>
<blockquote type="cite">Wir haben das Format geändert.</blockquote></body></html>
--------------tb1--
""")

# 7 GB18030 from a Chinese client labelled GB2312 (镕 is not in GB2312)
zh = "您好，我们的账户无法登录，朱镕基路的办公室也一样。\n\n在 2026年3月2日 09:00，Brightlane Support 写道：\n> 请重置密码。\n"
mail("gb18030-foxmail.eml", common("", frm=ew_b("张伟", "gb2312") + " <zhang.wei@qq.example>", mid="zh-gb18030@qq.example",
                                   extra=[("X-Mailer", "Foxmail 7.2"),
                                          ("Content-Type", 'text/plain; charset="gb2312"'),
                                          ("Content-Transfer-Encoding", "base64")])[:2]
     + [("Subject", ew_b("无法登录账户", "gb2312"))] + common("x", mid="zh-gb18030@qq.example", extra=[
         ("Content-Type", 'text/plain; charset="gb2312"'), ("Content-Transfer-Encoding", "base64")])[3:],
     b64(zh.replace("\n", "\r\n").encode("gb18030")))

# 8 Big5
tw = "請問發票什麼時候會寄出？謝謝。\n"
mail("big5.eml", common("x", frm="=?big5?B?%s?= <lin@hinet.example>" % base64.b64encode("林小姐".encode("big5")).decode(),
                        mid="big5@hinet.example", extra=[("Content-Type", "text/plain; charset=big5"),
                                                          ("Content-Transfer-Encoding", "8bit")])[:2]
     + [("Subject", ew_b("發票問題", "big5"))] + common("x", mid="big5@hinet.example", extra=[
         ("Content-Type", "text/plain; charset=big5"), ("Content-Transfer-Encoding", "8bit")])[3:],
     tw.replace("\n", CRLF).encode("big5"))

# 9 Romanian ISO-8859-2 (cedilla forms ş ţ exist there)
ro = "Bună ziua,\n\nNu mă pot conecta la cont după actualizare. Vă rog să mă ajutaţi.\n\nPe lun., 2 mar. 2026 la 09:00, Brightlane Support a scris:\n> Vă rugăm să încercaţi din nou.\n"
mail("romanian-iso-8859-2.eml", common("x", frm="Ion Popescu <ion@posta.example>")[:2]
     + [("Subject", "=?ISO-8859-2?Q?Nu_m=E3_pot_conecta?=")] + common("x", mid="ro-8859-2@posta.example", extra=[
         ("Content-Type", "text/plain; charset=ISO-8859-2"), ("Content-Transfer-Encoding", "quoted-printable")])[3:],
     qp(ro.replace("\n", "\r\n").encode("iso-8859-2")))

# 10 Romanian windows-1250 (comma-below ș ț are not in 1250: cedilla again)
ro2 = "Bună seara, factura nu se descarcă. Mulţumesc frumos pentru răbdare.\n"
mail("romanian-windows-1250.eml", common("Factura", frm="Maria Ionescu <maria@firma.example>", mid="ro-1250@firma.example",
                                        extra=[("Content-Type", "text/plain; charset=windows-1250"),
                                               ("Content-Transfer-Encoding", "8bit")]),
     ro2.replace("\n", CRLF).encode("windows-1250"))

# 11 windows-1252
de = "Sehr geehrte Damen und Herren, die Rechnung über 99 € ist doppelt. Grüße, Jürgen\n"
mail("german-windows-1252.eml", common("Doppelte Rechnung", frm="=?windows-1252?Q?J=FCrgen_M=FCller?= <juergen@firma.example>",
                                      extra=[("Content-Type", "text/plain; charset=windows-1252"),
                                             ("Content-Transfer-Encoding", "quoted-printable")]),
     qp(de.replace("\n", "\r\n").encode("windows-1252")))

# 12 Shift_JIS body, ISO-2022-JP subject
ja = "お世話になっております。ログインできません。よろしくお願いします。\n"
mail("shift-jis.eml", common("x", frm="Tanaka <tanaka@example.jp>")[:2]
     + [("Subject", ew_b("ログインできません", "iso-2022-jp"))] + common("x", mid="sjis@example.jp", extra=[
         ("Content-Type", "text/plain; charset=Shift_JIS"), ("Content-Transfer-Encoding", "8bit")])[3:],
     ja.replace("\n", CRLF).encode("shift_jis"))

# 13 Tamil UTF-8 base64
ta = "வணக்கம், என் கணக்கில் உள்நுழைய முடியவில்லை. உதவி செய்யுங்கள்.\n"
mail("tamil-utf8.eml", common("x", frm=ew_b("கார்த்திக்", "utf-8") + " <karthik@mail.example>")[:2]
     + [("Subject", ew_b("உள்நுழைவு சிக்கல்", "utf-8"))] + common("x", mid="tamil@mail.example", extra=[
         ("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "base64")])[3:],
     b64(ta.encode("utf-8")))

# 14 Esperanto UTF-8 quoted-printable
eo = "Saluton! Mi ne povas ŝanĝi mian pasvorton. Ĉu vi povas helpi? Dankon, ĝis baldaŭ.\n"
mail("esperanto-utf8.eml", common("x")[:2] + [("Subject", "=?UTF-8?Q?Pasvorto_=C5=9Dan=C4=9Do?=")]
     + common("x", mid="eo@mail.example", extra=[("Content-Type", "text/plain; charset=UTF-8"),
                                                  ("Content-Transfer-Encoding", "quoted-printable")])[3:],
     qp(eo.replace("\n", "\r\n").encode("utf-8")))

# 15 DSN bounce
mail("dsn-bounce.eml", [("Return-Path", "<>"), ("From", "Mail Delivery Subsystem <MAILER-DAEMON@mx.brightlane.example>"),
                        ("To", "support@brightlane.example"), ("Subject", "Undelivered Mail Returned to Sender"),
                        ("Date", "Mon, 02 Mar 2026 09:20:00 +0000"), ("Message-ID", "<dsn-1@mx.brightlane.example>"),
                        ("Auto-Submitted", "auto-replied"), ("MIME-Version", "1.0"),
                        ("Content-Type", 'multipart/report; report-type=delivery-status; boundary="dsn-b"')],
     """--dsn-b
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.brightlane.example.
I'm sorry to have to inform you that your message could not be delivered.

<nobody@customer.example>: host mx.customer.example said: 550 5.1.1 User unknown

--dsn-b
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.brightlane.example
Arrival-Date: Mon,  2 Mar 2026 09:19:58 +0000

Final-Recipient: rfc822; nobody@customer.example
Original-Recipient: rfc822;nobody@customer.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.customer.example
Diagnostic-Code: smtp; 550 5.1.1 <nobody@customer.example>: Recipient address
    rejected: User unknown

--dsn-b
Content-Type: text/rfc822-headers

From: Brightlane Support <support@brightlane.example>
To: nobody@customer.example
Subject: Re: [#123] Your request
Message-ID: <t123.m456.9f8e7d@rapport.brightlane.example>

--dsn-b--
""")

# 16 Out-of-office (RFC 3834)
mail("out-of-office.eml", common("Automatic reply: Your request [#123]", mid="oof-1@corp.example", extra=[
    ("Auto-Submitted", "auto-replied"), ("Content-Type", "text/plain; charset=utf-8")]),
    "I am out of the office until 9 March with limited access to mail.\n")

# 17 Exchange out-of-office without Auto-Submitted
mail("exchange-oof.eml", common("Out of Office: Export needed", frm="Tom Outlook <tom.outlook@corp.example>",
                                mid="oof-2@corp.example", extra=[("X-Auto-Response-Suppress", "All"),
                                                                 ("Content-Type", "text/plain; charset=us-ascii")]),
     "Thank you for your message. I am on holiday.\n")

# 18 Mailing list
mail("mailing-list.eml", common("[users] New release of the CSV importer", frm="Users List <users@lists.example>",
                                mid="list-1@lists.example", extra=[
    ("List-Id", "Users discussion <users.lists.example>"), ("List-Unsubscribe", "<mailto:users-leave@lists.example>"),
    ("Precedence", "list"), ("Content-Type", "text/plain; charset=us-ascii")]),
    "Version 2.3 of the CSV importer is out.\n\n--\nusers mailing list\nusers@lists.example\n")

# 19 HTML only with tracking pixels and scripts
mail("html-tracking.eml", common("Your weekly report", frm="Reports <reports@saas.example>", mid="track-1@saas.example",
                                 extra=[("Content-Type", "text/html; charset=utf-8")]),
     '<html><head><style>body{color:red}</style><script>alert(1)</script></head><body>'
     '<p onclick="steal()">Your usage went up <b>12%</b> this week.</p>'
     '<img src="https://t.saas.example/open.gif?u=1" width="1" height="1">'
     '<img src="http://cdn.saas.example/logo.png"><a href="javascript:alert(2)">Unsubscribe</a>'
     '<script>document.cookie</script></body></html>\n')

# 20 Mislabelled: UTF-8 bytes declared ISO-8859-1
mail("mislabelled-latin1.eml", common("Ça ne marche pas", frm="Zoë <zoe@mail.example>", mid="mislabel-1@mail.example",
                                      extra=[("Content-Type", "text/plain; charset=iso-8859-1"),
                                             ("Content-Transfer-Encoding", "8bit")]),
     "Ça ne marche pas — l'écran reste noir après la mise à jour.\n".replace("\n", CRLF).encode("utf-8"))

# 21 Mislabelled: GB18030 declared us-ascii
zh2 = "您好，我们公司的发票有问题，请尽快帮我们处理一下这个问题。我们已经等了三天了，非常着急，谢谢您的帮助。\n"
mail("mislabelled-gbk-as-ascii.eml", common("Invoice problem", frm="Li <li@corp.example>", mid="mislabel-2@corp.example",
                                            extra=[("Content-Type", "text/plain; charset=us-ascii"),
                                                   ("Content-Transfer-Encoding", "8bit")]),
     (zh2 * 3).replace("\n", CRLF).encode("gb18030"))

# 22 Missing final boundary, truncated attachment
mail("broken-missing-boundary.eml", common("Logs attached", mid="broken-1@mail.example", extra=[
    ("Content-Type", 'multipart/mixed; boundary="cut"')]),
    "--cut\nContent-Type: text/plain\n\nHere are the logs you asked for.\n\n--cut\n"
    "Content-Type: text/plain; name=\"server.log\"\nContent-Disposition: attachment; filename=\"server.log\"\n\n"
    "2026-03-02 09:00:00 ERROR something broke\n2026-03-02 09:00:01 ERROR again\n")

# 23 Bad base64
good = b64("The printer prints blank pages since Monday.\n".encode())
mail("broken-base64.eml", common("Printer", mid="broken-2@mail.example", extra=[
    ("Content-Type", 'multipart/mixed; boundary="bb"')]),
    "--bb\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + good.replace(CRLF, "\n")
    + "!!*\n\n--bb\nContent-Type: application/pdf; name=\"scan.pdf\"\nContent-Transfer-Encoding: base64\n\n"
    "JVBERi0xLjQK%%%\nJSBub3QgYSBmdWxsIHBkZg\n--bb--\n")

# 24 Inline cid image
png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")
mail("inline-cid-image.eml", common("Screenshot of the error", mid="cid-1@mail.example", extra=[
    ("Content-Type", 'multipart/related; boundary="rel"; type="text/html"')]),
    "--rel\nContent-Type: text/html; charset=utf-8\n\n<p>The error looks like this:</p><p><img src=\"cid:shot1@mail.example\" alt=\"screenshot\"></p>\n"
    "--rel\nContent-Type: image/png; name=\"shot.png\"\nContent-ID: <shot1@mail.example>\nContent-Disposition: inline; filename=\"shot.png\"\n"
    "Content-Transfer-Encoding: base64\n\n" + b64(png).replace(CRLF, "\n") + "\n--rel--\n")

# 25 RFC 2231 filenames
mail("rfc2231-filename.eml", common("Reports", mid="rfc2231@mail.example", extra=[
    ("Content-Type", 'multipart/mixed; boundary="r2231"')]),
    "--r2231\nContent-Type: text/plain\n\nTwo reports attached.\n\n--r2231\nContent-Type: application/pdf\n"
    "Content-Disposition: attachment; filename*=UTF-8''%E6%8A%A5%E5%91%8A%202026.pdf\nContent-Transfer-Encoding: base64\n\n"
    "JVBERi0xLjQK\n--r2231\nContent-Type: text/csv\nContent-Disposition: attachment;\n filename*0*=iso-8859-1''R%E9sum%E9;\n filename*1=\"_mars.csv\"\n\n"
    "a,b\n1,2\n--r2231--\n")

# 26 Ten levels of nesting
body = "Content-Type: text/plain; charset=utf-8\n\nDeep inside the tenth level.\n"
for level in range(10, 0, -1):
    body = ('Content-Type: multipart/mixed; boundary="n%d"\n\n--n%d\n%s\n--n%d--\n' % (level, level, body, level))
head, rest = body.split("\n\n", 1)
mail("nested-10-levels.eml", common("Nested", mid="nested@mail.example", extra=[("Content-Type", head.split(": ", 1)[1])]), rest)

# 27 No Message-ID
mail("no-message-id.eml", common("Question without id", mid=False, extra=[("Content-Type", "text/plain")]),
     "Can I change my plan mid-month?\n")

# 28 Header bomb
bomb = common("Bomb", mid="bomb@mail.example") + [("X-Filler-%d" % i, "x") for i in range(1500)]
mail("header-bomb.eml", bomb, "Never read.\n")

# 29 CR/LF injection in encoded words
mail("crlf-injection.eml", [("From", "=?UTF-8?Q?Eve=0D=0ABcc:_victim@evil.example?= <eve@evil.example>"),
                            ("To", "support@brightlane.example"),
                            ("Subject", "=?UTF-8?Q?Hello=0D=0ABcc:_victim@evil.example?="),
                            ("Date", "Mon, 02 Mar 2026 09:15:00 +0000"), ("Message-ID", "<inject@evil.example>"),
                            ("Content-Type", "text/plain")], "Injected?\n")

# 30 Forwarded mail as message/rfc822
mail("forwarded-eml.eml", common("Fwd: complaint", mid="fwd@mail.example", extra=[
    ("Content-Type", 'multipart/mixed; boundary="fw"')]),
    "--fw\nContent-Type: text/plain\n\nSee the complaint below from our customer.\n\n--fw\nContent-Type: message/rfc822\n"
    "Content-Disposition: attachment\n\nFrom: angry@example.com\nSubject: complaint\n\nThis is unacceptable.\n--fw--\n")

# 31 Spam flag
mail("spam-flagged.eml", common("You won a prize", frm="Winner <win@spam.example>", mid="spam@spam.example", extra=[
    ("X-Spam-Flag", "YES"), ("X-Spam-Status", "Yes, score=9.1"), ("Content-Type", "text/plain")]),
    "Click here to claim your prize.\n")

# 32 Raw 8-bit UTF-8 headers and an encoded word split mid-character
split = "Ünïcödé ŝajno".encode("utf-8")
mail("eight-bit-headers.eml", [("From", "Søren Ærø <soren@mail.example>"), ("To", "support@brightlane.example"),
                               ("Subject", "Größe =?UTF-8?B?%s?= =?UTF-8?B?%s?=" % (
                                   base64.b64encode(split[:3]).decode(), base64.b64encode(split[3:]).decode())),
                               ("Date", "Mon, 02 Mar 2026 09:15:00 +0000"), ("Message-ID", "<8bit@mail.example>"),
                               ("Content-Type", "text/plain; charset=utf-8")], "Ærlig talt, det virker ikke.\n")

# 33 Not a mail
files["not-a-mail.eml"] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR binary junk, no header block\r\n"

# 34 German plain text reply with schrieb:
mail("german-schrieb.eml", common("AW: Zugang", frm="Petra <petra@firma.example>", mid="de-schrieb@firma.example", extra=[
    ("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "8bit")]),
    "Vielen Dank, jetzt klappt es.\n\nAm Mo., 2. März 2026 um 09:00 Uhr schrieb Brightlane Support <support@brightlane.example>:\n> Bitte versuchen Sie es erneut.\n")

# 35 Signature after "-- "
mail("signature.eml", common("Billing address", mid="sig@mail.example", extra=[("Content-Type", "text/plain")]),
     "Please change our billing address to 5 Elm Street.\n\n-- \nJane Customer\nHead of Finance, Customer Ltd\n")

# 36 HTML part without charset in its header but a meta tag
mail("html-meta-charset.eml", common("Factura", frm="Ana <ana@firma.example>", mid="meta@firma.example", extra=[
    ("Content-Type", "text/html"), ("Content-Transfer-Encoding", "8bit")]),
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"></head>'
    '<body><p>Factura lunii martie nu apare în cont. Mulţumesc.</p></body></html>\n'.replace("\n", CRLF).encode("windows-1250"))

# 37 Chinese reply with 写道 quote in UTF-8 HTML-less plain text
mail("chinese-reply-utf8.eml", common("x")[:2] + [("Subject", ew_b("回复：退款", "utf-8"))]
     + common("x", mid="zh-reply@mail.example", extra=[("Content-Type", "text/plain; charset=utf-8"),
                                                      ("Content-Transfer-Encoding", "8bit")])[3:],
     "退款已经收到了，谢谢！\n\n在 2026年3月2日 09:00，Brightlane Support <support@brightlane.example> 写道：\n> 退款已处理。\n")

for name, data in files.items():
    with open(name, "wb") as f:
        f.write(data)
print(len(files), "mails written")
