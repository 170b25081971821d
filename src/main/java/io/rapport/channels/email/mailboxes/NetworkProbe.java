package io.rapport.channels.email.mailboxes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import io.rapport.channels.email.imap.MailFailure;
import io.rapport.channels.email.imap.MailFailure.Step;

/**
 * The first three steps of reaching a mail server, each on its own so a failure names its step: the host name
 * resolves (DNS), something answers on the port (connect), and for implicit TLS the handshake succeeds with a
 * certificate the JVM trusts and that names the host.
 */
final class NetworkProbe {

	private NetworkProbe() {
	}

	static Optional<MailFailure> reach(String host, int port, boolean tls, Duration timeout) {
		InetAddress address;
		try {
			address = InetAddress.getByName(host);
		}
		catch (UnknownHostException e) {
			return Optional.of(new MailFailure(Step.DNS, "mailbox.test.dns", host));
		}
		String portText = Integer.toString(port);
		int millis = (int) timeout.toMillis();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), millis);
			socket.setSoTimeout(millis);
			if (tls) {
				handshake(socket, host, port);
			}
			return Optional.empty();
		}
		catch (SSLException e) {
			return Optional.of(MailFailure.tls(e, host, port));
		}
		catch (SocketTimeoutException e) {
			return Optional.of(new MailFailure(tls ? Step.TLS : Step.CONNECT, tls ? "mailbox.test.tls" : "mailbox.test.timeout",
					host, portText));
		}
		catch (IOException e) {
			return Optional.of(new MailFailure(Step.CONNECT, "mailbox.test.refused", host, portText));
		}
	}

	private static void handshake(Socket socket, String host, int port) throws IOException {
		SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
		try (SSLSocket ssl = (SSLSocket) factory.createSocket(socket, host, port, false)) {
			SSLParameters parameters = ssl.getSSLParameters();
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
			ssl.setSSLParameters(parameters);
			ssl.startHandshake();
		}
	}
}
