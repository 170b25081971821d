import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A local SMTP + IMAP server (GreenMail, from the app's own libraries) for the mail benchmarks: any login is
 * accepted and creates its mailbox, so each benchmark run uses fresh addresses.
 *
 * <pre>java MailServer &lt;smtpPort&gt; &lt;imapPort&gt;</pre>
 */
public class MailServer {

	public static void main(String[] args) throws InterruptedException {
		GreenMail mail = new GreenMail(new ServerSetup[] {
				new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(Integer.parseInt(args[1]), "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		mail.start();
		System.out.println("SMTP on " + args[0] + ", IMAP on " + args[1]);
		Thread.currentThread().join();
	}
}
