package io.rapport.billing;

import java.time.Instant;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.NewAccount;
import io.rapport.accounts.MovementKind;
import io.rapport.accounts.MovementView;
import io.rapport.accounts.SubscriptionView;
import io.rapport.accounts.SubscriptionsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/v1/billing/import}: a preview writes nothing; a file with any error is refused whole with each
 * error's row and column; an import writes every row; the same file again adds nothing.
 */
class BillingImportApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SubscriptionsApi subscriptions;

	@Autowired
	AccountsApi accounts;

	@Test
	void shouldPreviewThenImportAllRowsAndSkipThemTheSecondTime() throws Exception {
		Person admin = fixtures.anAdmin();
		AccountView byId = fixtures.anAccount();
		AccountView byDomain = fixtures.anAccount();
		AccountView byName = accounts.createAccount(new NewAccount("Zephyr Looms " + System.nanoTime(), null, null));
		String csv = "account,plan,mrr,currency,seats,startedAt,renewsAt,trialEndsAt,cancelledAt,cancelReason\r\n"
				+ byId.id() + ",Pro,49.00,eur,5,2025-06-01,2026-06-01,,,\r\n"
				+ byDomain.domain() + ",\"Team, yearly\",1200.5,USD,12,2025-01-15T08:00:00Z,,2025-02-01,,\r\n"
				+ "\"" + byName.name() + "\",Basic,9,JPY,,2024-03-01T00:00:00,,,2025-03-01,\"Too expensive, they said\"\r\n";

		mvc.perform(post("/api/v1/billing/import?dryRun=true").header("Authorization", admin.bearer())
			.contentType("text/csv").content(csv))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.written").value(false))
			.andExpect(jsonPath("$.toCreate").value(3))
			.andExpect(jsonPath("$.items[0].row").value(2))
			.andExpect(jsonPath("$.items[0].action").value("create"))
			.andExpect(jsonPath("$.items[1].plan").value("Team, yearly"))
			.andExpect(jsonPath("$.items[1].mrrCents").value(120050))
			.andExpect(jsonPath("$.items[2].accountId").value(byName.id()))
			.andExpect(jsonPath("$.items[2].mrrCents").value(9))
			.andExpect(jsonPath("$.items[2].seats").value(1));
		assertThat(subscriptions.ofAccount(byId.id())).isEmpty();

		mvc.perform(post("/api/v1/billing/import?dryRun=false").header("Authorization", admin.bearer())
			.contentType("text/csv").content(csv))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.written").value(true))
			.andExpect(jsonPath("$.toCreate").value(3));
		SubscriptionView pro = subscriptions.ofAccount(byId.id()).get(0);
		assertThat(pro.plan()).isEqualTo("Pro");
		assertThat(pro.mrrCents()).isEqualTo(4900);
		assertThat(pro.currency()).isEqualTo("EUR");
		assertThat(pro.seats()).isEqualTo(5);
		assertThat(pro.startedAt()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
		assertThat(subscriptions.ofAccount(byDomain.id()).get(0).trialEndsAt())
			.isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
		assertThat(subscriptions.movements(byName.id())).extracting(MovementView::kind, MovementView::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(MovementKind.NEW, null),
					org.assertj.core.groups.Tuple.tuple(MovementKind.CANCELLATION, "Too expensive, they said"));

		MockMultipartFile file = new MockMultipartFile("file", "subscriptions.csv", "text/csv", csv.getBytes());
		mvc.perform(multipart("/api/v1/billing/import").file(file).param("dryRun", "false")
			.header("Authorization", admin.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.toCreate").value(0))
			.andExpect(jsonPath("$.toSkip").value(3))
			.andExpect(jsonPath("$.items[1].action").value("skip"));
		assertThat(subscriptions.ofAccount(byId.id())).hasSize(1);
		assertThat(subscriptions.movements(byName.id())).hasSize(2);
	}

	@Test
	void shouldRefuseAFileWithAnyErrorAndWriteNothing() throws Exception {
		Person admin = fixtures.anAdmin();
		AccountView good = fixtures.anAccount();
		String csv = "account,plan,mrrCents,currency,startedAt,renewsAt\n"
				+ good.id() + ",Pro,4900,EUR,2025-06-01,2026-06-01\n"
				+ "\n"
				+ "nobody-" + System.nanoTime() + ".example,Pro,4900,EUR,2025-06-01,\n"
				+ good.domain() + ",Pro,49.5,XYZ,June,2025-01-01\n";
		mvc.perform(post("/api/v1/billing/import?dryRun=true").header("Authorization", admin.bearer())
			.contentType("text/csv").content(csv))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].action").value("create"))
			.andExpect(jsonPath("$.errors.length()").value(4))
			.andExpect(jsonPath("$.errors[0].row").value(4))
			.andExpect(jsonPath("$.errors[0].column").value("account"));
		mvc.perform(post("/api/v1/billing/import?dryRun=false").header("Authorization", admin.bearer())
			.contentType("text/csv").content(csv))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("rows[4].account"))
			.andExpect(jsonPath("$.errors[1].field").value("rows[5].currency"))
			.andExpect(jsonPath("$.errors[2].field").value("rows[5].mrrCents"))
			.andExpect(jsonPath("$.errors[3].field").value("rows[5].startedAt"))
			.andExpect(jsonPath("$.report.written").value(false));
		assertThat(subscriptions.ofAccount(good.id())).isEmpty();

		mvc.perform(post("/api/v1/billing/import?dryRun=false").header("Authorization", admin.bearer())
			.contentType("text/csv").content("account,plan,price\n1,Pro,5\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("rows[1].price"));
		mvc.perform(post("/api/v1/billing/import?dryRun=maybe").header("Authorization", admin.bearer())
			.contentType("text/csv").content(csv))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dryRun"));
		mvc.perform(post("/api/v1/billing/import").header("Authorization", fixtures.anAgentIn("tier1").bearer())
			.contentType("text/csv").content(csv))
			.andExpect(status().isForbidden());
	}
}
