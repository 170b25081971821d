package io.rapport.demo;

import java.util.List;

import io.rapport.demo.DemoHelpCenter.Article;

import static io.rapport.demo.DemoHelpCenter.article;
import static io.rapport.demo.DemoHelpCenter.text;
import static io.rapport.knowledge.ArticleKind.FAQ;
import static io.rapport.knowledge.ArticleKind.GUIDE;
import static io.rapport.knowledge.ArticleKind.WALKTHROUGH;

/** The ten help-center articles Brightlane translated into all five languages (en, zh, ro, ta, eo, in that order). */
final class DemoHelpCenterTranslated {

	private DemoHelpCenterTranslated() {
	}

	static List<Article> articles() {
		return List.of(
				article("first-project", WALKTHROUGH,
						text("Create your first project", "Set up a project, add tasks and invite the people who work on it.", """
								A project holds the tasks, files and conversations of one piece of work.

								1. Click **New project** in the sidebar.
								2. Give it a name and pick a template (*Blank*, *Product launch* or *Marketing campaign*).
								3. Add your first tasks: type a title and press Enter for each one.
								4. Click **Share** to invite the people who work on it.

								Tip: set a due date on the project so the timeline shows how much time is left.
								""", "project", "template", "tasks"),
						text("创建你的第一个项目", "建立项目、添加任务，并邀请参与工作的同事。", """
								一个项目包含一项工作的所有任务、文件和讨论。

								1. 在侧边栏中点击 **新建项目**。
								2. 输入项目名称并选择模板（*空白*、*产品发布* 或 *营销活动*）。
								3. 添加第一批任务：输入标题后按回车键即可。
								4. 点击 **共享**，邀请参与这项工作的同事。

								提示：为项目设置截止日期，时间线就会显示剩余的时间。
								""", "项目", "模板", "任务"),
						text("Creează primul tău proiect", "Configurează un proiect, adaugă sarcini și invită colegii care lucrează la el.", """
								Un proiect cuprinde sarcinile, fișierele și discuțiile unei lucrări.

								1. Apasă pe **Proiect nou** în bara laterală.
								2. Dă-i un nume și alege un șablon (*Gol*, *Lansare de produs* sau *Campanie de marketing*).
								3. Adaugă primele sarcini: scrie un titlu și apasă Enter pentru fiecare.
								4. Apasă pe **Partajează** ca să inviți colegii care lucrează la el.

								Sfat: stabilește un termen-limită pentru proiect, iar cronologia îți va arăta cât timp a mai rămas.
								""", "proiect", "șablon", "sarcini"),
						text("உங்கள் முதல் திட்டத்தை உருவாக்குங்கள்", "ஒரு திட்டத்தை அமைத்து, பணிகளைச் சேர்த்து, அதில் பணியாற்றுபவர்களை அழைக்கவும்.", """
								ஒரு திட்டம் ஒரு வேலையின் பணிகள், கோப்புகள் மற்றும் உரையாடல்களைக் கொண்டுள்ளது.

								1. பக்கப்பட்டியில் **புதிய திட்டம்** என்பதைக் கிளிக் செய்யுங்கள்.
								2. அதற்கு ஒரு பெயர் கொடுத்து, ஒரு வார்ப்புருவைத் தேர்ந்தெடுங்கள் (*வெற்று*, *தயாரிப்பு வெளியீடு* அல்லது *சந்தைப்படுத்தல் பிரச்சாரம்*).
								3. முதல் பணிகளைச் சேர்க்கவும்: ஒவ்வொன்றுக்கும் ஒரு தலைப்பைத் தட்டச்சு செய்து Enter அழுத்துங்கள்.
								4. அதில் பணியாற்றுபவர்களை அழைக்க **பகிர்** என்பதைக் கிளிக் செய்யுங்கள்.

								குறிப்பு: திட்டத்திற்கு ஒரு இறுதித் தேதியை அமைத்தால், காலவரிசை மீதமுள்ள நேரத்தைக் காட்டும்.
								""", "திட்டம்", "வார்ப்புரு", "பணிகள்"),
						text("Kreu vian unuan projekton", "Starigu projekton, aldonu taskojn kaj invitu la homojn, kiuj laboras pri ĝi.", """
								Projekto enhavas la taskojn, dosierojn kaj diskutojn de unu laboro.

								1. Alklaku **Nova projekto** en la flanka breto.
								2. Donu al ĝi nomon kaj elektu ŝablonon (*Malplena*, *Lanĉo de produkto* aŭ *Reklama kampanjo*).
								3. Aldonu viajn unuajn taskojn: tajpu titolon kaj premu Enigan klavon por ĉiu.
								4. Alklaku **Kunhavigi** por inviti la homojn, kiuj laboras pri ĝi.

								Konsilo: difinu limdaton por la projekto, kaj la templinio montros, kiom da tempo restas.
								""", "projekto", "ŝablono", "taskoj")),
				article("your-team", GUIDE,
						text("Invite teammates to your workspace", "Add colleagues by email and choose what they can do.", """
								Only workspace **owners** and **admins** can invite people.

								1. Open **Settings → Members** and click **Invite**.
								2. Enter one or more email addresses, separated by commas.
								3. Choose a role for them:

								| Role | Can do |
								|------|--------|
								| Admin | everything, including billing and members |
								| Member | create and edit projects they belong to |
								| Guest | see and comment on projects shared with them |

								Invitations are valid for 7 days. Guests are free and do not count as seats.
								""", "invite", "members", "roles", "guest"),
						text("邀请同事加入工作区", "通过电子邮件添加同事，并选择他们的权限。", """
								只有工作区的 **所有者** 和 **管理员** 可以邀请成员。

								1. 打开 **设置 → 成员**，点击 **邀请**。
								2. 输入一个或多个电子邮件地址，用逗号分隔。
								3. 为他们选择角色：

								| 角色 | 权限 |
								|------|------|
								| 管理员 | 所有操作，包括账单和成员管理 |
								| 成员 | 创建和编辑自己参与的项目 |
								| 访客 | 查看并评论与其共享的项目 |

								邀请在 7 天内有效。访客免费，不占用席位。
								""", "邀请", "成员", "角色", "访客"),
						text("Invită colegi în spațiul de lucru", "Adaugă colegi prin e-mail și alege ce pot face.", """
								Doar **proprietarii** și **administratorii** spațiului de lucru pot invita persoane.

								1. Deschide **Setări → Membri** și apasă pe **Invită**.
								2. Introdu una sau mai multe adrese de e-mail, separate prin virgulă.
								3. Alege un rol pentru ei:

								| Rol | Poate |
								|-----|-------|
								| Administrator | orice, inclusiv facturarea și membrii |
								| Membru | să creeze și să editeze proiectele din care face parte |
								| Invitat | să vadă și să comenteze proiectele partajate cu el |

								Invitațiile sunt valabile 7 zile. Invitații sunt gratuiți și nu ocupă locuri.
								""", "invitație", "membri", "roluri", "invitat"),
						text("உங்கள் பணியிடத்திற்கு குழு உறுப்பினர்களை அழைக்கவும்", "மின்னஞ்சல் மூலம் சக ஊழியர்களைச் சேர்த்து, அவர்கள் என்ன செய்யலாம் என்பதைத் தேர்ந்தெடுங்கள்.", """
								பணியிடத்தின் **உரிமையாளர்களும்** **நிர்வாகிகளும்** மட்டுமே நபர்களை அழைக்க முடியும்.

								1. **அமைப்புகள் → உறுப்பினர்கள்** என்பதைத் திறந்து **அழை** என்பதைக் கிளிக் செய்யுங்கள்.
								2. ஒன்று அல்லது அதற்கு மேற்பட்ட மின்னஞ்சல் முகவரிகளைக் காற்புள்ளிகளால் பிரித்து உள்ளிடுங்கள்.
								3. அவர்களுக்கு ஒரு பங்கைத் தேர்ந்தெடுங்கள்:

								| பங்கு | செய்யக்கூடியவை |
								|-------|----------------|
								| நிர்வாகி | கட்டணம், உறுப்பினர்கள் உட்பட அனைத்தும் |
								| உறுப்பினர் | தாம் சேர்ந்துள்ள திட்டங்களை உருவாக்கித் திருத்துதல் |
								| விருந்தினர் | தம்முடன் பகிரப்பட்ட திட்டங்களைப் பார்த்துக் கருத்துரைத்தல் |

								அழைப்புகள் 7 நாட்களுக்குச் செல்லுபடியாகும். விருந்தினர்கள் இலவசம், அவர்கள் இருக்கைகளாகக் கணக்கிடப்படுவதில்லை.
								""", "அழைப்பு", "உறுப்பினர்கள்", "பங்குகள்", "விருந்தினர்"),
						text("Invitu kolegojn al via laborspaco", "Aldonu kolegojn per retpoŝto kaj elektu, kion ili rajtas fari.", """
								Nur **posedantoj** kaj **administrantoj** de la laborspaco povas inviti homojn.

								1. Malfermu **Agordoj → Membroj** kaj alklaku **Inviti**.
								2. Entajpu unu aŭ plurajn retpoŝtadresojn, apartigitajn per komoj.
								3. Elektu rolon por ili:

								| Rolo | Rajtas |
								|------|--------|
								| Administranto | ĉion, inkluzive de fakturado kaj membroj |
								| Membro | krei kaj redakti la projektojn, al kiuj ĝi apartenas |
								| Gasto | vidi kaj komenti projektojn kunhavigitajn kun ĝi |

								Invitoj validas 7 tagojn. Gastoj estas senpagaj kaj ne kalkuliĝas kiel sidlokoj.
								""", "invito", "membroj", "roloj", "gasto")),
				article("plans", FAQ,
						text("How do I change my plan?", "Upgrade or downgrade at any time; we prorate the difference.", """
								Go to **Settings → Billing → Plan** and click **Change plan**.

								- **Upgrading** takes effect right away. You pay only the prorated difference for the rest of the billing period.
								- **Downgrading** takes effect at the end of the current period, so you keep the features you paid for.

								If your workspace uses more seats or storage than the new plan allows, we will tell you what to remove first.
								""", "plan", "upgrade", "downgrade", "prorate"),
						text("如何更改我的套餐？", "可随时升级或降级，差价按比例计算。", """
								前往 **设置 → 账单 → 套餐**，点击 **更改套餐**。

								- **升级** 立即生效。你只需为本计费周期剩余的时间按比例支付差价。
								- **降级** 在当前计费周期结束时生效，因此你已付费的功能仍可继续使用。

								如果你的工作区使用的席位或存储空间超过新套餐的上限，我们会先告诉你需要删除哪些内容。
								""", "套餐", "升级", "降级"),
						text("Cum îmi schimb abonamentul?", "Poți trece la un abonament superior sau inferior oricând; diferența se calculează proporțional.", """
								Mergi la **Setări → Facturare → Abonament** și apasă pe **Schimbă abonamentul**.

								- **Trecerea la un abonament superior** are efect imediat. Plătești doar diferența proporțională pentru restul perioadei de facturare.
								- **Trecerea la un abonament inferior** are efect la sfârșitul perioadei curente, așa că păstrezi funcțiile pentru care ai plătit.

								Dacă spațiul tău de lucru folosește mai multe locuri sau mai mult spațiu de stocare decât permite noul abonament, îți vom spune ce trebuie să elimini mai întâi.
								""", "abonament", "schimbare", "facturare"),
						text("எனது திட்டத்தை எப்படி மாற்றுவது?", "எப்போது வேண்டுமானாலும் மேம்படுத்தலாம் அல்லது தரமிறக்கலாம்; வேறுபாட்டை விகிதாசாரமாகக் கணக்கிடுவோம்.", """
								**அமைப்புகள் → கட்டணம் → திட்டம்** என்பதற்குச் சென்று **திட்டத்தை மாற்று** என்பதைக் கிளிக் செய்யுங்கள்.

								- **மேம்படுத்துதல்** உடனடியாக நடைமுறைக்கு வரும். கட்டணக் காலத்தின் மீதமுள்ள நாட்களுக்கான விகிதாசார வேறுபாட்டை மட்டும் செலுத்துவீர்கள்.
								- **தரமிறக்குதல்** நடப்புக் காலத்தின் முடிவில் நடைமுறைக்கு வரும், எனவே நீங்கள் கட்டணம் செலுத்திய வசதிகளைத் தொடர்ந்து பயன்படுத்தலாம்.

								புதிய திட்டம் அனுமதிப்பதை விட அதிகமான இருக்கைகள் அல்லது சேமிப்பிடத்தை உங்கள் பணியிடம் பயன்படுத்தினால், முதலில் எதை நீக்க வேண்டும் என்று நாங்கள் சொல்வோம்.
								""", "திட்டம்", "மேம்படுத்தல்", "தரமிறக்கம்"),
						text("Kiel mi ŝanĝu mian abonon?", "Altigu aŭ malaltigu ĝin iam ajn; ni kalkulas la diferencon proporcie.", """
								Iru al **Agordoj → Fakturado → Abono** kaj alklaku **Ŝanĝi abonon**.

								- **Altigo** efikas tuj. Vi pagas nur la proporcian diferencon por la resto de la faktura periodo.
								- **Malaltigo** efikas je la fino de la nuna periodo, do vi konservas la funkciojn, por kiuj vi pagis.

								Se via laborspaco uzas pli da sidlokoj aŭ konservejo ol la nova abono permesas, ni unue diros al vi, kion forigi.
								""", "abono", "altigo", "malaltigo")),
				article("invoices", FAQ,
						text("Where can I download my invoices?", "Every invoice is a PDF in Settings → Billing → Invoices.", """
								Open **Settings → Billing → Invoices**. Each row has a **Download PDF** link.

								Invoices show your company name, address and VAT number as they were on the invoice date. To change them for future invoices, edit **Billing details** on the same page.

								Need invoices sent to your accounting team? Add their address under **Invoice recipients**.
								""", "invoice", "pdf", "vat", "receipt"),
						text("在哪里下载我的发票？", "所有发票都以 PDF 格式保存在 设置 → 账单 → 发票 中。", """
								打开 **设置 → 账单 → 发票**。每一行都有一个 **下载 PDF** 链接。

								发票上显示的公司名称、地址和增值税号以开票当天的信息为准。如需修改以后的发票信息，请在同一页面编辑 **账单详情**。

								需要把发票发送给财务团队？在 **发票收件人** 中添加他们的邮箱地址。
								""", "发票", "下载", "增值税"),
						text("De unde îmi descarc facturile?", "Fiecare factură este un PDF în Setări → Facturare → Facturi.", """
								Deschide **Setări → Facturare → Facturi**. Fiecare rând are un link **Descarcă PDF**.

								Facturile arată numele firmei, adresa și codul de TVA așa cum erau la data facturii. Ca să le schimbi pentru facturile viitoare, editează **Detaliile de facturare** pe aceeași pagină.

								Vrei ca facturile să ajungă direct la contabilitate? Adaugă adresa lor la **Destinatarii facturilor**.
								""", "factură", "descărcare", "TVA"),
						text("எனது விலைப்பட்டியல்களை எங்கே பதிவிறக்குவது?", "ஒவ்வொரு விலைப்பட்டியலும் அமைப்புகள் → கட்டணம் → விலைப்பட்டியல்கள் என்பதில் PDF ஆக உள்ளது.", """
								**அமைப்புகள் → கட்டணம் → விலைப்பட்டியல்கள்** என்பதைத் திறக்கவும். ஒவ்வொரு வரிசையிலும் **PDF பதிவிறக்கு** இணைப்பு உள்ளது.

								விலைப்பட்டியல்கள் உங்கள் நிறுவனப் பெயர், முகவரி மற்றும் VAT எண்ணை விலைப்பட்டியல் தேதியில் இருந்தபடியே காட்டும். எதிர்கால விலைப்பட்டியல்களுக்கு அவற்றை மாற்ற, அதே பக்கத்தில் **கட்டண விவரங்கள்** என்பதைத் திருத்துங்கள்.

								விலைப்பட்டியல்கள் உங்கள் கணக்குக் குழுவுக்கு அனுப்பப்பட வேண்டுமா? **விலைப்பட்டியல் பெறுநர்கள்** என்பதில் அவர்களின் முகவரியைச் சேர்க்கவும்.
								""", "விலைப்பட்டியல்", "பதிவிறக்கம்", "கட்டணம்"),
						text("Kie mi elŝutu miajn fakturojn?", "Ĉiu fakturo estas PDF en Agordoj → Fakturado → Fakturoj.", """
								Malfermu **Agordoj → Fakturado → Fakturoj**. Ĉiu vico havas ligilon **Elŝuti PDF**.

								Fakturoj montras la nomon, adreson kaj impostnumeron de via firmao, kiel ili estis je la faktura dato. Por ŝanĝi ilin por estontaj fakturoj, redaktu **Fakturajn detalojn** en la sama paĝo.

								Ĉu la fakturoj iru al via kontada teamo? Aldonu ilian adreson sub **Ricevantoj de fakturoj**.
								""", "fakturo", "elŝuti", "imposto")),
				article("chat-calendars", GUIDE,
						text("Connect Brightlane to Slack", "Get task updates in a Slack channel and create tasks from messages.", """
								1. Go to **Settings → Integrations → Slack** and click **Connect**.
								2. Sign in to Slack and allow Brightlane to post in your workspace.
								3. In a project, open **⋯ → Slack channel** and pick the channel that should get its updates.

								From then on, new tasks, comments and completed tasks appear in that channel. To turn a Slack message into a task, use the message menu **More actions → Create Brightlane task**.
								""", "slack", "integration", "channel", "notifications"),
						text("将 Brightlane 连接到 Slack", "在 Slack 频道中接收任务动态，并从消息创建任务。", """
								1. 前往 **设置 → 集成 → Slack**，点击 **连接**。
								2. 登录 Slack，并允许 Brightlane 在你的工作区发布消息。
								3. 在项目中打开 **⋯ → Slack 频道**，选择接收该项目动态的频道。

								此后，新任务、评论和已完成的任务都会出现在该频道中。若要把 Slack 消息转换为任务，请使用消息菜单 **更多操作 → 创建 Brightlane 任务**。
								""", "Slack", "集成", "频道"),
						text("Conectează Brightlane la Slack", "Primește noutățile despre sarcini într-un canal Slack și creează sarcini din mesaje.", """
								1. Mergi la **Setări → Integrări → Slack** și apasă pe **Conectează**.
								2. Autentifică-te în Slack și permite-i lui Brightlane să publice în spațiul tău de lucru.
								3. Într-un proiect, deschide **⋯ → Canal Slack** și alege canalul care trebuie să primească noutățile.

								De atunci încolo, sarcinile noi, comentariile și sarcinile finalizate apar în acel canal. Ca să transformi un mesaj Slack într-o sarcină, folosește meniul mesajului **Mai multe acțiuni → Creează sarcină Brightlane**.
								""", "Slack", "integrare", "canal"),
						text("Brightlane-ஐ Slack உடன் இணைக்கவும்", "Slack சேனலில் பணி புதுப்பிப்புகளைப் பெற்று, செய்திகளிலிருந்து பணிகளை உருவாக்குங்கள்.", """
								1. **அமைப்புகள் → ஒருங்கிணைப்புகள் → Slack** என்பதற்குச் சென்று **இணை** என்பதைக் கிளிக் செய்யுங்கள்.
								2. Slack-இல் உள்நுழைந்து, உங்கள் பணியிடத்தில் இடுகையிட Brightlane-ஐ அனுமதியுங்கள்.
								3. ஒரு திட்டத்தில் **⋯ → Slack சேனல்** என்பதைத் திறந்து, அதன் புதுப்பிப்புகளைப் பெற வேண்டிய சேனலைத் தேர்ந்தெடுங்கள்.

								அதன் பிறகு, புதிய பணிகள், கருத்துகள் மற்றும் முடிக்கப்பட்ட பணிகள் அந்தச் சேனலில் தோன்றும். ஒரு Slack செய்தியைப் பணியாக மாற்ற, செய்தி மெனுவில் **மேலும் செயல்கள் → Brightlane பணியை உருவாக்கு** என்பதைப் பயன்படுத்துங்கள்.
								""", "Slack", "ஒருங்கிணைப்பு", "சேனல்"),
						text("Konekti Brightlane al Slack", "Ricevu ĝisdatigojn pri taskoj en Slack-kanalo kaj kreu taskojn el mesaĝoj.", """
								1. Iru al **Agordoj → Integriĝoj → Slack** kaj alklaku **Konekti**.
								2. Ensalutu en Slack kaj permesu al Brightlane afiŝi en via laborspaco.
								3. En projekto, malfermu **⋯ → Slack-kanalo** kaj elektu la kanalon, kiu ricevu ĝiajn ĝisdatigojn.

								De tiam, novaj taskoj, komentoj kaj finitaj taskoj aperas en tiu kanalo. Por fari taskon el Slack-mesaĝo, uzu la mesaĝan menuon **Pliaj agoj → Krei Brightlane-taskon**.
								""", "Slack", "integriĝo", "kanalo")),
				article("passwords-2fa", WALKTHROUGH,
						text("Reset your password", "Forgot your password? Get a reset link by email in under a minute.", """
								1. On the sign-in page, click **Forgot password?**
								2. Enter the email address you sign in with and click **Send link**.
								3. Open the email from Brightlane and click **Choose a new password**. The link works for 30 minutes.
								4. Type your new password twice. It needs at least 12 characters.

								No email after five minutes? Check your spam folder, then ask your workspace admin to confirm the address on your account.
								""", "password", "reset", "forgot", "sign in"),
						text("重置密码", "忘记密码了？一分钟内即可通过电子邮件收到重置链接。", """
								1. 在登录页面点击 **忘记密码？**
								2. 输入你登录时使用的电子邮件地址，然后点击 **发送链接**。
								3. 打开 Brightlane 发来的邮件，点击 **设置新密码**。该链接 30 分钟内有效。
								4. 输入两次新密码。密码至少需要 12 个字符。

								五分钟后仍未收到邮件？请检查垃圾邮件文件夹，然后请工作区管理员确认你账户上的邮箱地址。
								""", "密码", "重置", "忘记密码", "登录"),
						text("Resetează-ți parola", "Ți-ai uitat parola? Primești un link de resetare pe e-mail în mai puțin de un minut.", """
								1. Pe pagina de autentificare, apasă pe **Ți-ai uitat parola?**
								2. Introdu adresa de e-mail cu care te autentifici și apasă pe **Trimite linkul**.
								3. Deschide e-mailul de la Brightlane și apasă pe **Alege o parolă nouă**. Linkul funcționează 30 de minute.
								4. Scrie parola nouă de două ori. Trebuie să aibă cel puțin 12 caractere.

								Nu a sosit niciun e-mail după cinci minute? Verifică dosarul de spam, apoi roagă administratorul spațiului de lucru să confirme adresa din contul tău.
								""", "parolă", "resetare", "autentificare"),
						text("உங்கள் கடவுச்சொல்லை மீட்டமைக்கவும்", "கடவுச்சொல்லை மறந்துவிட்டீர்களா? ஒரு நிமிடத்திற்குள் மின்னஞ்சலில் மீட்டமைப்பு இணைப்பைப் பெறுங்கள்.", """
								1. உள்நுழைவுப் பக்கத்தில் **கடவுச்சொல்லை மறந்துவிட்டீர்களா?** என்பதைக் கிளிக் செய்யுங்கள்.
								2. நீங்கள் உள்நுழையப் பயன்படுத்தும் மின்னஞ்சல் முகவரியை உள்ளிட்டு **இணைப்பை அனுப்பு** என்பதைக் கிளிக் செய்யுங்கள்.
								3. Brightlane அனுப்பிய மின்னஞ்சலைத் திறந்து **புதிய கடவுச்சொல்லைத் தேர்ந்தெடு** என்பதைக் கிளிக் செய்யுங்கள். இணைப்பு 30 நிமிடங்கள் செயல்படும்.
								4. புதிய கடவுச்சொல்லை இரண்டு முறை தட்டச்சு செய்யுங்கள். அதில் குறைந்தது 12 எழுத்துகள் இருக்க வேண்டும்.

								ஐந்து நிமிடங்களுக்குப் பிறகும் மின்னஞ்சல் வரவில்லையா? ஸ்பேம் கோப்புறையைச் சரிபாருங்கள், பிறகு உங்கள் கணக்கில் உள்ள முகவரியை உறுதிப்படுத்துமாறு பணியிட நிர்வாகியிடம் கேளுங்கள்.
								""", "கடவுச்சொல்", "மீட்டமைப்பு", "உள்நுழைவு"),
						text("Restarigu vian pasvorton", "Ĉu vi forgesis vian pasvorton? Ricevu restarigan ligilon retpoŝte en malpli ol minuto.", """
								1. En la ensaluta paĝo, alklaku **Ĉu vi forgesis la pasvorton?**
								2. Entajpu la retpoŝtadreson, per kiu vi ensalutas, kaj alklaku **Sendi ligilon**.
								3. Malfermu la retleteron de Brightlane kaj alklaku **Elekti novan pasvorton**. La ligilo funkcias dum 30 minutoj.
								4. Tajpu vian novan pasvorton dufoje. Ĝi bezonas almenaŭ 12 signojn.

								Ĉu neniu retletero post kvin minutoj? Kontrolu vian spamdosierujon, poste petu vian administranton konfirmi la adreson en via konto.
								""", "pasvorto", "restarigi", "ensaluto")),
				article("passwords-2fa", GUIDE,
						text("Turn on two-factor authentication", "Protect your account with a code from an authenticator app.", """
								Two-factor authentication (2FA) asks for a six-digit code after your password, so a stolen password alone is not enough.

								1. Open **Profile → Security** and click **Turn on two-factor**.
								2. Scan the QR code with an authenticator app (1Password, Google Authenticator, Authy…).
								3. Type the code the app shows to confirm.
								4. Save your **recovery codes** somewhere safe: each one works once if you lose your phone.

								Admins on the Business plan can require 2FA for everyone under **Settings → Security**.
								""", "2fa", "two-factor", "security", "authenticator"),
						text("开启双重验证", "使用身份验证器应用生成的验证码保护你的账户。", """
								双重验证（2FA）会在输入密码后再要求一个六位数验证码，因此仅凭被盗的密码无法登录。

								1. 打开 **个人资料 → 安全**，点击 **开启双重验证**。
								2. 使用身份验证器应用（1Password、Google Authenticator、Authy 等）扫描二维码。
								3. 输入应用显示的验证码进行确认。
								4. 将 **恢复码** 保存在安全的地方：如果手机丢失，每个恢复码可使用一次。

								商业版套餐的管理员可以在 **设置 → 安全** 中要求所有人开启双重验证。
								""", "双重验证", "安全", "验证码"),
						text("Activează autentificarea în doi pași", "Protejează-ți contul cu un cod dintr-o aplicație de autentificare.", """
								Autentificarea în doi pași (2FA) cere un cod de șase cifre după parolă, așa că o parolă furată nu mai este suficientă.

								1. Deschide **Profil → Securitate** și apasă pe **Activează autentificarea în doi pași**.
								2. Scanează codul QR cu o aplicație de autentificare (1Password, Google Authenticator, Authy…).
								3. Scrie codul afișat de aplicație ca să confirmi.
								4. Păstrează **codurile de recuperare** într-un loc sigur: fiecare funcționează o singură dată dacă îți pierzi telefonul.

								Administratorii cu abonamentul Business pot impune 2FA pentru toată lumea din **Setări → Securitate**.
								""", "2FA", "securitate", "autentificare în doi pași"),
						text("இரு-காரணி அங்கீகாரத்தை இயக்குங்கள்", "அங்கீகரிப்புச் செயலியின் குறியீட்டைக் கொண்டு உங்கள் கணக்கைப் பாதுகாக்கவும்.", """
								இரு-காரணி அங்கீகாரம் (2FA) உங்கள் கடவுச்சொல்லுக்குப் பிறகு ஆறு இலக்கக் குறியீட்டைக் கேட்கும், எனவே திருடப்பட்ட கடவுச்சொல் மட்டும் போதாது.

								1. **சுயவிவரம் → பாதுகாப்பு** என்பதைத் திறந்து **இரு-காரணியை இயக்கு** என்பதைக் கிளிக் செய்யுங்கள்.
								2. அங்கீகரிப்புச் செயலியைக் கொண்டு (1Password, Google Authenticator, Authy…) QR குறியீட்டை ஸ்கேன் செய்யுங்கள்.
								3. உறுதிப்படுத்த, செயலி காட்டும் குறியீட்டைத் தட்டச்சு செய்யுங்கள்.
								4. உங்கள் **மீட்புக் குறியீடுகளைப்** பாதுகாப்பான இடத்தில் சேமியுங்கள்: தொலைபேசியைத் தொலைத்தால் ஒவ்வொன்றும் ஒரு முறை செயல்படும்.

								Business திட்டத்தின் நிர்வாகிகள் **அமைப்புகள் → பாதுகாப்பு** என்பதில் அனைவருக்கும் 2FA-ஐக் கட்டாயமாக்கலாம்.
								""", "2FA", "பாதுகாப்பு", "அங்கீகாரம்"),
						text("Ŝaltu dufaktoran aŭtentigon", "Protektu vian konton per kodo el aŭtentiga aplikaĵo.", """
								Dufaktora aŭtentigo (2FA) petas sesciferan kodon post via pasvorto, do ŝtelita pasvorto sola ne sufiĉas.

								1. Malfermu **Profilo → Sekureco** kaj alklaku **Ŝalti dufaktoran aŭtentigon**.
								2. Skanu la QR-kodon per aŭtentiga aplikaĵo (1Password, Google Authenticator, Authy…).
								3. Tajpu la kodon, kiun la aplikaĵo montras, por konfirmi.
								4. Konservu viajn **restarigajn kodojn** en sekura loko: ĉiu funkcias unufoje, se vi perdas vian telefonon.

								Administrantoj kun la abono Business povas devigi 2FA por ĉiuj sub **Agordoj → Sekureco**.
								""", "2FA", "sekureco", "aŭtentigo")),
				article("sync-notifications", FAQ,
						text("Why am I not getting notifications?", "Check your notification settings, your email filters and Do Not Disturb.", """
								Most missing notifications have one of these causes:

								| Where | What to check |
								|-------|---------------|
								| Brightlane | **Profile → Notifications**: is the event switched on for email or mobile? |
								| Email | Is mail from `notify@brightlane.example` filtered to spam or another folder? |
								| Phone | Are notifications allowed for the Brightlane app, and is Do Not Disturb off? |

								You are only notified about tasks you are assigned to, follow or are mentioned in. Click **Follow** on a task to get its updates.
								""", "notifications", "email", "mobile", "not receiving"),
						text("为什么我收不到通知？", "请检查通知设置、邮件过滤规则和勿扰模式。", """
								收不到通知通常是以下原因之一：

								| 位置 | 检查内容 |
								|------|----------|
								| Brightlane | **个人资料 → 通知**：该事件的邮件或手机通知是否已开启？ |
								| 电子邮件 | 来自 `notify@brightlane.example` 的邮件是否被过滤到垃圾邮件或其他文件夹？ |
								| 手机 | 是否允许 Brightlane 应用发送通知，勿扰模式是否已关闭？ |

								只有分配给你、你关注或提到你的任务才会通知你。点击任务上的 **关注** 即可接收其动态。
								""", "通知", "收不到通知", "邮件"),
						text("De ce nu primesc notificări?", "Verifică setările de notificare, filtrele de e-mail și modul Nu deranja.", """
								Notificările lipsă au de obicei una dintre aceste cauze:

								| Unde | Ce verifici |
								|------|-------------|
								| Brightlane | **Profil → Notificări**: evenimentul este activat pentru e-mail sau mobil? |
								| E-mail | Mesajele de la `notify@brightlane.example` ajung în spam sau în alt dosar? |
								| Telefon | Notificările sunt permise pentru aplicația Brightlane și modul Nu deranja este oprit? |

								Ești notificat doar despre sarcinile care îți sunt atribuite, pe care le urmărești sau în care ești menționat. Apasă pe **Urmărește** într-o sarcină ca să primești noutățile ei.
								""", "notificări", "e-mail", "telefon"),
						text("எனக்கு ஏன் அறிவிப்புகள் வருவதில்லை?", "உங்கள் அறிவிப்பு அமைப்புகள், மின்னஞ்சல் வடிப்பான்கள் மற்றும் தொந்தரவு செய்ய வேண்டாம் பயன்முறையைச் சரிபாருங்கள்.", """
								அறிவிப்புகள் வராததற்குப் பெரும்பாலும் இவற்றில் ஒன்று காரணம்:

								| எங்கே | என்ன சரிபார்க்க வேண்டும் |
								|-------|--------------------------|
								| Brightlane | **சுயவிவரம் → அறிவிப்புகள்**: அந்த நிகழ்வு மின்னஞ்சலுக்கோ கைபேசிக்கோ இயக்கப்பட்டுள்ளதா? |
								| மின்னஞ்சல் | `notify@brightlane.example` இலிருந்து வரும் அஞ்சல் ஸ்பேம் அல்லது வேறு கோப்புறைக்கு வடிகட்டப்படுகிறதா? |
								| தொலைபேசி | Brightlane செயலிக்கு அறிவிப்புகள் அனுமதிக்கப்பட்டுள்ளனவா, தொந்தரவு செய்ய வேண்டாம் பயன்முறை அணைக்கப்பட்டுள்ளதா? |

								உங்களுக்கு ஒதுக்கப்பட்ட, நீங்கள் பின்தொடரும் அல்லது உங்களைக் குறிப்பிட்ட பணிகளைப் பற்றி மட்டுமே அறிவிக்கப்படும். ஒரு பணியின் புதுப்பிப்புகளைப் பெற அதில் **பின்தொடர்** என்பதைக் கிளிக் செய்யுங்கள்.
								""", "அறிவிப்புகள்", "மின்னஞ்சல்", "கைபேசி"),
						text("Kial mi ne ricevas sciigojn?", "Kontrolu viajn sciigajn agordojn, retpoŝtajn filtrilojn kaj la reĝimon Ne ĝenu.", """
								Mankantaj sciigoj kutime havas unu el ĉi tiuj kaŭzoj:

								| Kie | Kion kontroli |
								|-----|---------------|
								| Brightlane | **Profilo → Sciigoj**: ĉu la evento estas ŝaltita por retpoŝto aŭ poŝtelefono? |
								| Retpoŝto | Ĉu mesaĝoj de `notify@brightlane.example` estas filtrataj al spamo aŭ alia dosierujo? |
								| Telefono | Ĉu sciigoj estas permesitaj por la aplikaĵo Brightlane, kaj ĉu Ne ĝenu estas malŝaltita? |

								Vi ricevas sciigojn nur pri taskoj atribuitaj al vi, kiujn vi sekvas aŭ en kiuj oni mencias vin. Alklaku **Sekvi** ĉe tasko por ricevi ĝiajn ĝisdatigojn.
								""", "sciigoj", "retpoŝto", "poŝtelefono")),
				article("data-privacy", GUIDE,
						text("Export your workspace data", "Download all projects, tasks and comments as CSV or JSON.", """
								Workspace owners can export everything at any time, on every plan.

								1. Open **Settings → Data → Export**.
								2. Choose **CSV** (one file per project, opens in a spreadsheet) or **JSON** (everything, for developers).
								3. Click **Start export**. We email you a download link when the file is ready; large workspaces take a few minutes.

								Attachments are included as a separate ZIP file. The download link expires after 7 days.
								""", "export", "csv", "json", "backup", "gdpr"),
						text("导出工作区数据", "将所有项目、任务和评论下载为 CSV 或 JSON 文件。", """
								工作区所有者可以随时导出全部数据，所有套餐均支持。

								1. 打开 **设置 → 数据 → 导出**。
								2. 选择 **CSV**（每个项目一个文件，可用电子表格打开）或 **JSON**（包含全部数据，适合开发人员）。
								3. 点击 **开始导出**。文件准备好后，我们会通过电子邮件发送下载链接；大型工作区需要几分钟。

								附件会单独打包为 ZIP 文件。下载链接 7 天后失效。
								""", "导出", "数据", "备份"),
						text("Exportă datele spațiului de lucru", "Descarcă toate proiectele, sarcinile și comentariile în format CSV sau JSON.", """
								Proprietarii spațiului de lucru pot exporta totul oricând, cu orice abonament.

								1. Deschide **Setări → Date → Export**.
								2. Alege **CSV** (câte un fișier pentru fiecare proiect, se deschide într-un tabel) sau **JSON** (totul, pentru programatori).
								3. Apasă pe **Pornește exportul**. Îți trimitem pe e-mail un link de descărcare când fișierul este gata; spațiile de lucru mari durează câteva minute.

								Atașamentele sunt incluse într-un fișier ZIP separat. Linkul de descărcare expiră după 7 zile.
								""", "export", "date", "copie de siguranță"),
						text("உங்கள் பணியிடத் தரவை ஏற்றுமதி செய்யுங்கள்", "அனைத்துத் திட்டங்கள், பணிகள் மற்றும் கருத்துகளை CSV அல்லது JSON ஆகப் பதிவிறக்குங்கள்.", """
								பணியிட உரிமையாளர்கள் எந்தத் திட்டத்திலும் எப்போது வேண்டுமானாலும் அனைத்தையும் ஏற்றுமதி செய்யலாம்.

								1. **அமைப்புகள் → தரவு → ஏற்றுமதி** என்பதைத் திறக்கவும்.
								2. **CSV** (ஒவ்வொரு திட்டத்திற்கும் ஒரு கோப்பு, விரிதாளில் திறக்கும்) அல்லது **JSON** (அனைத்தும், நிரலாளர்களுக்கு) என்பதைத் தேர்ந்தெடுங்கள்.
								3. **ஏற்றுமதியைத் தொடங்கு** என்பதைக் கிளிக் செய்யுங்கள். கோப்பு தயாரானதும் பதிவிறக்க இணைப்பை மின்னஞ்சலில் அனுப்புவோம்; பெரிய பணியிடங்களுக்குச் சில நிமிடங்கள் ஆகும்.

								இணைப்புகள் தனி ZIP கோப்பாகச் சேர்க்கப்படும். பதிவிறக்க இணைப்பு 7 நாட்களுக்குப் பிறகு காலாவதியாகும்.
								""", "ஏற்றுமதி", "தரவு", "காப்புப்பிரதி"),
						text("Eksportu la datumojn de via laborspaco", "Elŝutu ĉiujn projektojn, taskojn kaj komentojn kiel CSV aŭ JSON.", """
								Posedantoj de laborspaco povas eksporti ĉion iam ajn, kun ĉiu abono.

								1. Malfermu **Agordoj → Datumoj → Eksporto**.
								2. Elektu **CSV** (po unu dosiero por ĉiu projekto, malfermebla en kalkultabelo) aŭ **JSON** (ĉio, por programistoj).
								3. Alklaku **Komenci eksporton**. Ni retpoŝte sendas elŝutan ligilon, kiam la dosiero estas preta; grandaj laborspacoj bezonas kelkajn minutojn.

								Kunsendaĵoj estas inkluzivitaj en aparta ZIP-dosiero. La elŝuta ligilo eksvalidiĝas post 7 tagoj.
								""", "eksporto", "datumoj", "sekurkopio")),
				article("first-project", GUIDE,
						text("Keyboard shortcuts", "Move around Brightlane and edit tasks without the mouse.", """
								Press `?` anywhere to see this list in the app.

								| Shortcut | What it does |
								|----------|--------------|
								| `N` | new task in the current project |
								| `/` | search |
								| `G` then `P` | go to projects |
								| `G` then `I` | go to your inbox |
								| `Ctrl` + `Enter` | save and close the task |
								| `Esc` | close the open panel |

								On a Mac, use `⌘` instead of `Ctrl`.
								""", "keyboard", "shortcuts", "hotkeys"),
						text("键盘快捷键", "无需鼠标即可在 Brightlane 中浏览和编辑任务。", """
								在任意位置按 `?` 即可在应用中查看此列表。

								| 快捷键 | 作用 |
								|--------|------|
								| `N` | 在当前项目中新建任务 |
								| `/` | 搜索 |
								| `G` 然后 `P` | 转到项目 |
								| `G` 然后 `I` | 转到收件箱 |
								| `Ctrl` + `Enter` | 保存并关闭任务 |
								| `Esc` | 关闭当前面板 |

								在 Mac 上请用 `⌘` 代替 `Ctrl`。
								""", "快捷键", "键盘"),
						text("Comenzi rapide de la tastatură", "Navighează prin Brightlane și editează sarcini fără mouse.", """
								Apasă `?` oriunde ca să vezi această listă în aplicație.

								| Tastă | Ce face |
								|-------|---------|
								| `N` | sarcină nouă în proiectul curent |
								| `/` | căutare |
								| `G` apoi `P` | mergi la proiecte |
								| `G` apoi `I` | mergi la căsuța ta de mesaje |
								| `Ctrl` + `Enter` | salvează și închide sarcina |
								| `Esc` | închide panoul deschis |

								Pe Mac, folosește `⌘` în loc de `Ctrl`.
								""", "tastatură", "comenzi rapide", "scurtături"),
						text("விசைப்பலகைக் குறுக்குவழிகள்", "சுட்டி இல்லாமலேயே Brightlane-இல் செல்லவும் பணிகளைத் திருத்தவும்.", """
								இந்தப் பட்டியலைச் செயலியில் பார்க்க எங்கும் `?` அழுத்துங்கள்.

								| குறுக்குவழி | என்ன செய்யும் |
								|-------------|----------------|
								| `N` | நடப்புத் திட்டத்தில் புதிய பணி |
								| `/` | தேடல் |
								| `G` பிறகு `P` | திட்டங்களுக்குச் செல் |
								| `G` பிறகு `I` | உங்கள் உள்பெட்டிக்குச் செல் |
								| `Ctrl` + `Enter` | பணியைச் சேமித்து மூடு |
								| `Esc` | திறந்துள்ள பலகத்தை மூடு |

								Mac-இல் `Ctrl` என்பதற்குப் பதிலாக `⌘` பயன்படுத்துங்கள்.
								""", "விசைப்பலகை", "குறுக்குவழிகள்"),
						text("Klavaraj ŝparvojoj", "Moviĝu en Brightlane kaj redaktu taskojn sen la muso.", """
								Premu `?` ie ajn por vidi ĉi tiun liston en la aplikaĵo.

								| Ŝparvojo | Kion ĝi faras |
								|----------|---------------|
								| `N` | nova tasko en la nuna projekto |
								| `/` | serĉi |
								| `G` poste `P` | iri al projektoj |
								| `G` poste `I` | iri al via enirkesto |
								| `Ctrl` + `Enter` | konservi kaj fermi la taskon |
								| `Esc` | fermi la malfermitan panelon |

								Sur Mac, uzu `⌘` anstataŭ `Ctrl`.
								""", "klavaro", "ŝparvojoj")));
	}
}
