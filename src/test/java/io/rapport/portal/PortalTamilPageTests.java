package io.rapport.portal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A customer whose browser asks for Tamil reads the portal in Tamil, dates included, not in English. */
class PortalTamilPageTests extends IntegrationTest {

	private static final Locale TAMIL = Locale.forLanguageTag("ta");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldShowTheRequestsOfASignedInCustomerInTamil() throws Exception {
		Person customer = fixtures.aCustomer();
		TicketView ticket = fixtures.aTicketFrom(customer, "Invoice in rupees");

		String list = mvc.perform(get("/portal").with(signedInAs(customer)).locale(TAMIL))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String tamilDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(TAMIL)
			.format(ticket.updatedAt().atZone(ZoneOffset.UTC));
		assertThat(list).contains("<html lang=\"ta\"", "எனது கோரிக்கைகள்", "புதிய கோரிக்கை",
				"எங்கள் பதிலுக்காகக் காத்திருக்கிறது", "Invoice in rupees", "#" + ticket.number(),
				tamilDate + " அன்று புதுப்பிக்கப்பட்டது", "Rapport மூலம் இயங்குகிறது")
			.doesNotContain("My requests", "Waiting for us", "Updated ");

		String page = mvc.perform(get("/portal/tickets/" + ticket.id()).with(signedInAs(customer)).locale(TAMIL))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<html lang=\"ta\"", "உரையாடல்", "பதிலை அனுப்பு", "திறக்கப்பட்டது: ")
			.doesNotContain("Conversation", "Send reply", "Opened ");
	}

	@Test
	void shouldGreetAVisitorAndExplainMistakesInTamil() throws Exception {
		String login = mvc.perform(get("/portal/login").header("Accept-Language", "ta-IN,ta;q=0.9,en;q=0.5"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(login).contains("<html lang=\"ta\"", "உள்நுழைவு", "கடவுச்சொல்லை மறந்துவிட்டீர்களா?")
			.doesNotContain("Forgot your password?");

		String signup = mvc.perform(post("/portal/signup").with(csrf()).locale(TAMIL).param("name", " ")
			.param("email", "not-an-email").param("password", "short"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(signup).contains("உங்கள் பெயரைச் சொல்லுங்கள்.",
				"name@company.com போன்ற ஒரு மின்னஞ்சல் முகவரியை உள்ளிடுங்கள்.",
				"கடவுச்சொல்லுக்குக் குறைந்தது 10 எழுத்துகள் தேவை.")
			.doesNotContain("Tell us your name.");
	}
}
