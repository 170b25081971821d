package io.rapport.demo;

import java.util.ArrayList;
import java.util.List;

import io.rapport.demo.DemoHelpCenter.Article;

import static io.rapport.demo.DemoHelpCenter.article;
import static io.rapport.demo.DemoHelpCenter.byLocale;
import static io.rapport.demo.DemoHelpCenter.text;
import static io.rapport.knowledge.ArticleKind.CASE_STUDY;
import static io.rapport.knowledge.ArticleKind.FAQ;
import static io.rapport.knowledge.ArticleKind.GUIDE;
import static io.rapport.knowledge.ArticleKind.VIDEO;
import static io.rapport.knowledge.ArticleKind.WALKTHROUGH;

/** Brightlane's help-center articles written in English only, two internal ones for agents and one draft. */
final class DemoHelpCenterGuides {

	private DemoHelpCenterGuides() {
	}

	static List<Article> articles() {
		List<Article> all = new ArrayList<>();
		// Getting started
		all.add(article("first-project", GUIDE, text("Boards, lists and timelines: choosing a view",
				"The same tasks, three ways to look at them.", """
						Every project can be shown as a **board**, a **list** or a **timeline**. Switch with the buttons above the tasks; each person's choice is remembered.

						| View | Best for |
						|------|----------|
						| Board | work that moves through stages (To do, Doing, Done) |
						| List | long backlogs you sort and filter |
						| Timeline | plans with dates and dependencies |

						Changing the view never changes the tasks themselves.
						""", "board", "list", "timeline", "view")));
		all.add(article("first-project", WALKTHROUGH, text("Import tasks from a spreadsheet",
				"Bring an existing plan into Brightlane from CSV or Excel.", """
						1. Open the project and choose **⋯ → Import → Spreadsheet**.
						2. Upload a `.csv` or `.xlsx` file. The first row must hold column names.
						3. Match each column to a Brightlane field: title, assignee (by email), due date, status, description.
						4. Check the preview and click **Import**.

						Dates are read as `YYYY-MM-DD` or in your profile's date format. Rows without a title are skipped and listed at the end.
						""", "import", "csv", "excel", "spreadsheet")));
		all.add(article("first-project", GUIDE, text("Task dependencies",
				"Make one task wait for another so the timeline stays honest.", """
						Open a task and click **Add dependency → Waiting on**, then pick the task it waits for.

						- A waiting task shows a lock icon until the other one is done.
						- On the timeline, moving a task moves the tasks that wait on it by the same number of days.
						- Brightlane refuses circular dependencies (A waits on B waits on A).
						""", "dependency", "blocked", "timeline")));
		all.add(article("first-project", GUIDE, text("Recurring tasks",
				"Weekly reports and monthly invoices that create themselves.", """
						In a task, click the due date and choose **Repeat**: daily, weekly on chosen days, monthly, or every *n* days.

						The next task is created when the current one is completed, with the same assignee, checklist and description. To stop the series, open the latest task and choose **Repeat → Never**.
						""", "recurring", "repeat", "schedule")));
		all.add(article("your-team", GUIDE, text("Guests: working with clients and freelancers",
				"Share a project with people outside your company for free.", """
						Guests see only the projects you share with them and never your workspace's member list.

						- Invite them from the project's **Share** button.
						- They can comment, upload files and complete tasks assigned to them.
						- They cannot create projects or see private tasks.

						Remove a guest from **Settings → Members → Guests**; their comments stay.
						""", "guest", "client", "freelancer", "share")));
		all.add(article("your-team", FAQ, text("Can I move a project to another workspace?",
				"Yes, if you are an admin in both.", """
						Open the project, choose **⋯ → Move to workspace** and pick the destination. Tasks, comments, files and history move with it.

						Members who are not in the destination workspace lose access; they are listed before you confirm so you can invite them there first.
						""", "move", "workspace", "transfer")));
		all.add(article("your-team", GUIDE, text("Mentions and comments",
				"Ask a question on a task and make sure the right person sees it.", """
						Type `@` followed by a name to mention someone in a comment; they are notified and the task appears in their inbox.

						Use `@project` to notify everyone on the project (sparingly). Comments support **Markdown**: lists, links, `code` and checklists. Edit or delete your own comment from its menu for 24 hours.
						""", "mention", "comment", "notify")));
		// Billing
		all.add(article("plans", GUIDE, text("Brightlane plans compared",
				"Free, Team and Business: what each one includes.", """
						| | Free | Team | Business |
						|---|---|---|---|
						| Members | up to 5 | unlimited | unlimited |
						| Projects | 3 | unlimited | unlimited |
						| Storage | 2 GB | 100 GB per workspace | 1 TB per workspace |
						| Timeline and dependencies | – | yes | yes |
						| SSO (SAML) and required 2FA | – | – | yes |
						| Price per seat, billed yearly | free | $9 / month | $19 / month |

						Monthly billing costs 20% more than yearly. Guests are always free.
						""", "plans", "pricing", "free", "team", "business")));
		all.add(article("plans", FAQ, text("Do you offer discounts for non-profits and education?",
				"Yes: 50% off Team and Business.", """
						Registered non-profits, schools and universities get **50% off** the Team and Business plans.

						Write to us from **Help → Contact support** with proof of status (a registration number or a link to your institution's page). We apply the discount from the next invoice.
						""", "discount", "non-profit", "education", "student")));
		all.add(article("plans", FAQ, text("What happens when my trial ends?",
				"Your workspace moves to the Free plan; nothing is deleted.", """
						The 14-day Team trial ends on its own; we never charge without a card you added.

						When it ends, the workspace moves to the **Free** plan. Projects beyond the third become read-only until you upgrade or archive some, and timelines are hidden. Everything comes back as soon as you subscribe.
						""", "trial", "free plan", "expired")));
		all.add(article("invoices", WALKTHROUGH, text("Update your payment card",
				"Replace an expired card before the next renewal.", """
						1. Open **Settings → Billing → Payment method**.
						2. Click **Replace card** and enter the new card's details.
						3. Confirm with your bank if it asks (3-D Secure).

						The new card is used from the next charge. If a payment failed, click **Retry payment** on the same page once the card is updated.
						""", "card", "payment", "expired card", "billing")));
		all.add(article("invoices", FAQ, text("Why was my payment declined?",
				"Most declines come from the bank, not from Brightlane.", """
						Common reasons:

						- the card has expired or the billing address does not match;
						- the bank blocked an international payment (our processor is in Ireland);
						- the card's monthly limit was reached.

						We retry three times over seven days and email the billing contacts each time. Your workspace stays fully usable during these seven days.
						""", "declined", "payment failed", "card")));
		all.add(article("invoices", FAQ, text("Can I pay by bank transfer?",
				"Yes, on yearly Business plans.", """
						Yearly Business subscriptions of 20 seats or more can be paid by bank transfer against an invoice, payable within 30 days.

						Ask for it from **Help → Contact support** with the number of seats and your billing details. Purchase order numbers are printed on the invoice when you give us one.
						""", "bank transfer", "purchase order", "invoice")));
		// Integrations
		all.add(article("chat-calendars", GUIDE, text("Sync due dates with Google Calendar",
				"See your Brightlane deadlines next to your meetings.", """
						Go to **Profile → Calendar sync** and click **Connect Google Calendar**. Brightlane creates a calendar called *Brightlane* with an all-day event for each task assigned to you that has a due date.

						The sync runs every 15 minutes and only one way: moving the event in Google Calendar does not change the task.
						""", "google calendar", "calendar", "sync", "due dates")));
		all.add(article("chat-calendars", GUIDE, text("Use Brightlane in Microsoft Teams",
				"Add a project as a tab and get notifications in a channel.", """
						1. In Teams, open **Apps**, search for *Brightlane* and click **Add**.
						2. In a channel, click **+** and choose Brightlane to add a project as a tab.
						3. Type `@Brightlane connect` in the channel to receive the project's updates there.

						Everyone in the channel needs a Brightlane account (or guest access) to open tasks.
						""", "microsoft teams", "teams", "integration")));
		all.add(article("chat-calendars", FAQ, text("Can I subscribe to a project's calendar in Outlook or Apple Calendar?",
				"Yes, through the project's iCal link.", """
						Open the project, choose **⋯ → Calendar feed** and copy the link. In Outlook choose **Add calendar → From internet**; in Apple Calendar choose **File → New Calendar Subscription**.

						Anyone with the link can read the task titles and dates, so treat it like a password. **Reset link** on the same screen makes the old one stop working.
						""", "ical", "outlook", "apple calendar", "feed")));
		all.add(article("api-webhooks", GUIDE, text("Getting started with the Brightlane API",
				"Create a token and make your first request.", """
						1. Open **Profile → API tokens** and click **New token**. Copy it; it is shown only once.
						2. Send it in the `Authorization` header:

						```
						curl -H "Authorization: Bearer $TOKEN" https://api.brightlane.example/v2/projects
						```

						The API speaks JSON, pages results with `?cursor=`, and allows 600 requests a minute per token. A token acts as you: it sees exactly what you see.
						""", "api", "token", "rest", "developer")));
		all.add(article("api-webhooks", GUIDE, text("Webhooks: get notified when tasks change",
				"Send task events to your own server as they happen.", """
						Create a webhook under **Settings → Integrations → Webhooks** with the URL to call and the events you want (`task.created`, `task.completed`, `comment.added`…).

						Every call is a `POST` with a JSON body and an `X-Brightlane-Signature` header: an HMAC-SHA256 of the body with your webhook's secret. Check it before trusting the call. We retry failed calls for 24 hours with growing delays.
						""", "webhook", "events", "hmac", "signature")));
		all.add(article("api-webhooks", FAQ, text("Why does the API answer 429 Too Many Requests?",
				"You went over 600 requests a minute; wait and retry.", """
						Each token may make 600 requests a minute. Over that, the API answers `429` with a `Retry-After` header giving the seconds to wait.

						To stay under the limit: ask for 100 items per page, cache what rarely changes, and use webhooks instead of polling for changes.
						""", "429", "rate limit", "api")));
		all.add(article("api-webhooks", WALKTHROUGH, text("Connect Brightlane to Zapier",
				"Create tasks from forms, emails and 5,000 other apps without code.", """
						1. In Zapier, create a Zap and choose the trigger app (for example *Google Forms → New response*).
						2. Choose **Brightlane → Create task** as the action and sign in with your Brightlane account.
						3. Map the form's fields to the task's title, description and due date.
						4. Test the step and turn the Zap on.
						""", "zapier", "automation", "no-code")));
		// Troubleshooting
		all.add(article("sign-in-problems", FAQ, text("I can't sign in with Google",
				"Check which account you used and whether your admin requires SSO.", """
						- Make sure you choose the same Google account you signed up with; Brightlane treats each email address as a separate person.
						- If your company uses **SSO**, Google sign-in is switched off: use **Sign in with SSO** and your work email.
						- Clear the browser's cookies for `brightlane.example` if the Google window closes without signing you in.
						""", "google", "sign in", "login", "sso")));
		all.add(article("sign-in-problems", FAQ, text("My account is locked",
				"Ten wrong passwords lock an account for 15 minutes.", """
						After ten wrong passwords in a row we lock the account for 15 minutes to stop guessing. Wait, or reset your password: a reset unlocks the account at once.

						If you did not try to sign in yourself, reset your password and turn on two-factor authentication.
						""", "locked", "login", "too many attempts")));
		all.add(article("sign-in-problems", WALKTHROUGH, text("Lost your two-factor device",
				"Sign in with a recovery code, or ask your admin to reset 2FA.", """
						1. On the code screen, click **Use a recovery code** and enter one of the codes you saved.
						2. Once in, open **Profile → Security** and set up two-factor again on your new phone.

						No recovery codes? A workspace admin can reset your two-factor under **Settings → Members → ⋯ → Reset 2FA**. Owners without another admin should contact support from their account email.
						""", "2fa", "lost phone", "recovery code")));
		all.add(article("sync-notifications", FAQ, text("The mobile app doesn't show my latest changes",
				"Pull to refresh, then check the app version and your connection.", """
						Pull down on any list to refresh it. If changes still do not appear:

						1. Update the app: versions older than 6 months no longer sync.
						2. Check that the phone is online (the app shows *Offline* at the top otherwise).
						3. Sign out and in again; this clears the app's local copy.

						Changes made offline are sent as soon as the phone reconnects.
						""", "mobile", "sync", "offline", "app")));
		all.add(article("sync-notifications", FAQ, text("Brightlane is slow to load",
				"What to try before you contact us.", """
						- Check [status.brightlane.example](https://status.brightlane.example) for an ongoing incident.
						- Try a private window: browser extensions (ad blockers, password managers) are the most common cause.
						- Very large boards (over 2,000 open tasks) load faster as a list view, or with a filter.

						Still slow? Send us the time it happened and your browser's name and version.
						""", "slow", "performance", "loading")));
		all.add(article("sync-notifications", FAQ, text("Attachments fail to upload",
				"Files are limited to 250 MB each and to your plan's storage.", """
						An upload fails when the file is larger than **250 MB**, when the workspace has used its storage (see **Settings → Billing → Usage**), or when a company proxy blocks uploads to `files.brightlane.example`.

						Link large videos from a storage service instead; Brightlane shows a preview for most links.
						""", "upload", "attachment", "file size", "storage")));
		// Account & security
		all.add(article("passwords-2fa", GUIDE, text("Single sign-on with SAML",
				"Let people sign in with Okta, Microsoft Entra ID or Google Workspace.", """
						SSO is part of the Business plan. You need admin rights in Brightlane and in your identity provider.

						1. In Brightlane, open **Settings → Security → SSO** and copy the *ACS URL* and *Entity ID*.
						2. Create a SAML app in your identity provider with these values and the `email` attribute.
						3. Paste the provider's metadata URL into Brightlane and click **Test**.
						4. When the test succeeds, choose whether SSO is **optional** or **required**.

						Keep one owner able to sign in with a password while you test.
						""", "sso", "saml", "okta", "entra", "single sign-on")));
		all.add(article("data-privacy", FAQ, text("Where is my data stored?",
				"In the EU (Frankfurt) or the US (Oregon), chosen when the workspace is created.", """
						Workspaces are hosted in the **EU (Frankfurt)** or the **US (Oregon)**; the region is chosen at sign-up and shown under **Settings → Data**. Backups stay in the same region.

						All data is encrypted in transit (TLS 1.2+) and at rest (AES-256). Our sub-processors and the data processing agreement are listed on the Trust page.
						""", "data residency", "gdpr", "region", "encryption")));
		all.add(article("data-privacy", WALKTHROUGH, text("Delete your workspace",
				"Permanently remove all projects, files and members.", """
						Only the workspace **owner** can do this, and it cannot be undone after 30 days.

						1. Export your data first if you may need it later.
						2. Open **Settings → Data → Delete workspace** and type the workspace's name.
						3. Confirm with your password.

						The workspace is closed at once and erased after 30 days; until then support can restore it. Any subscription is cancelled without a further charge.
						""", "delete", "close account", "gdpr")));
		all.add(article("data-privacy", GUIDE, text("Audit log",
				"See who changed what in your workspace's settings.", """
						Business admins find the audit log under **Settings → Security → Audit log**. It keeps 12 months of:

						- sign-ins and failed sign-ins;
						- member invitations, role changes and removals;
						- changes to billing, SSO and integrations;
						- exports and deleted projects.

						Filter by person or event and download the result as CSV.
						""", "audit log", "security", "compliance")));
		// Case studies and videos
		all.add(article("getting-started", CASE_STUDY, text("How Northwind Studio ships client sites two weeks faster",
				"A 40-person agency replaced status meetings with shared timelines.", """
						Northwind Studio builds websites for retailers. Before Brightlane, each project had a spreadsheet plan and a weekly status call with the client.

						**What they changed:** one Brightlane project per client, shared with the client as guests; a timeline with dependencies between design, content and development; Slack notifications for the team.

						**Results after six months:**

						| | Before | After |
						|---|---|---|
						| Average launch time | 11 weeks | 9 weeks |
						| Weekly status calls | 1 per client | none |
						| Late tasks at launch | 14 | 3 |

						"Clients see the plan move in real time, so they stopped asking where things are." — Priya Raman, delivery lead
						""", "case study", "agency", "timeline", "guests")));
		all.add(article("integrations", CASE_STUDY, text("Fairway Logistics automates onboarding with webhooks",
				"How an operations team turned a 30-step checklist into tasks that assign themselves.", """
						Fairway's HR system calls a small service whenever someone is hired. That service uses the Brightlane API to copy the *New hire* template into a project named after the person, with due dates counted from the start date.

						Webhooks on `task.completed` tell the service when IT has created accounts, which then orders the laptop. Onboarding mistakes fell from one in five hires to one in forty.
						""", "case study", "api", "webhooks", "onboarding")));
		all.add(new Article("first-project", VIDEO, "https://www.youtube.com/watch?v=Q8TXgCzxEnw", false, false,
				byLocale(text("Video: a five-minute tour of Brightlane",
						"Projects, views, tasks and notifications in five minutes.", """
								This short tour shows how to create a project from a template, switch between board and timeline, assign tasks and follow their progress from your inbox.

								Chapters: 0:00 projects · 1:10 views · 2:30 tasks and dependencies · 3:50 inbox and notifications.
								""", "video", "tour", "overview"))));
		all.add(new Article("api-webhooks", VIDEO, "https://youtu.be/8aGhZQkoFbQ", false, false,
				byLocale(text("Video: building your first webhook integration",
						"From creating the webhook to checking its signature, in ten minutes.", """
								Follow along as we create a webhook for `task.completed`, receive it in a small Node.js server, verify the `X-Brightlane-Signature` header and reply quickly so calls are not retried.
								""", "video", "webhook", "developer"))));
		// For agents only, and one draft
		all.add(new Article("billing", GUIDE, null, true, false, byLocale(text("Refunds: what support may approve",
				"Internal: the refund rules for the support team.", """
						Agents may refund without asking billing when:

						| Case | Refund |
						|------|--------|
						| Charged after cancelling (within 14 days) | full |
						| Yearly plan bought by mistake (within 30 days) | full, minus used months at the monthly price |
						| Seats added by mistake | the prorated seats |

						Anything else, or over $2,000, goes to the **Billing** group with the Stripe charge id. Never refund to a different card.
						""", "refund", "internal", "billing"))));
		all.add(new Article("troubleshooting", WALKTHROUGH, null, true, false, byLocale(text(
				"Escalating an outage to engineering", "Internal: when and how tier 2 pages the on-call engineer.", """
						1. Check the status page and the #incidents channel: if an incident is open, link the ticket to it and stop here.
						2. Reproduce with a test workspace and note the request id from the browser's network tab.
						3. Page the on-call engineer from PagerDuty with the ticket link, the request id and how many customers are affected.
						4. Set the ticket to *Pending* and tell the customer we are on it; update them at least every hour.
						""", "outage", "escalation", "internal", "on-call"))));
		all.add(new Article("integrations", GUIDE, null, false, true, byLocale(text("Connect Brightlane to Jira",
				"Draft: two-way sync of issues and tasks (in beta).", """
						The Jira integration is in beta for Business workspaces. Link a Brightlane project to a Jira project under **Settings → Integrations → Jira**; status, assignee and comments sync both ways every five minutes.
						""", "jira", "beta", "sync"))));
		return all;
	}
}
