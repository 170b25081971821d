package io.rapport.channels.email.outbound;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A tiny SMTP server that refuses every recipient with the answer it is given ({@code 550 5.1.1 No such user}):
 * GreenMail accepts everything, and a permanent refusal is what this test needs to see.
 */
final class ScriptedSmtp implements AutoCloseable {

	private final ServerSocket server;

	private final String rcptAnswer;

	private final Thread thread;

	ScriptedSmtp(String rcptAnswer) throws IOException {
		this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
		this.rcptAnswer = rcptAnswer;
		this.thread = new Thread(this::serve, "scripted-smtp");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	int port() {
		return server.getLocalPort();
	}

	private void serve() {
		while (!server.isClosed()) {
			try (Socket socket = server.accept()) {
				converse(socket);
			}
			catch (IOException e) {
				// closed, or the client hung up: wait for the next one
			}
		}
	}

	private void converse(Socket socket) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
		PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
		out.print("220 scripted ESMTP\r\n");
		out.flush();
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			String command = line.toUpperCase(Locale.ROOT);
			String answer = command.startsWith("EHLO") ? "250 scripted" : command.startsWith("HELO") ? "250 scripted"
					: command.startsWith("MAIL") ? "250 OK" : command.startsWith("RCPT") ? rcptAnswer
					: command.startsWith("RSET") || command.startsWith("NOOP") ? "250 OK"
					: command.startsWith("QUIT") ? "221 bye" : "502 not here";
			out.print(answer + "\r\n");
			out.flush();
			if (command.startsWith("QUIT")) {
				return;
			}
		}
	}

	@Override
	public void close() throws IOException {
		server.close();
		thread.interrupt();
	}
}
