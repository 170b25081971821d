package io.rapport.channels.email;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A support address: where its mail comes from (IMAP polling, or pushed by a provider), where its answers go out
 * (SMTP), which group its new tickets land in, and which customer notifications it sends. Passwords and tokens
 * are stored sealed ({@code SecretBox}, context {@code mailbox:<id>:imap|smtp}) and never leave this class
 * unsealed except to open a connection.
 */
@Entity
@Table(name = "mailboxes")
public class Mailbox {

	/** Tells {@link MailboxDirectory} that its copies are out of date. */
	@jakarta.persistence.PostPersist
	@jakarta.persistence.PostUpdate
	@jakarta.persistence.PostRemove
	void written() {
		MailboxDirectory.changed();
	}

	public enum InboundMode {
		IMAP, PUSH
	}

	public enum Security {
		NONE, STARTTLS, TLS
	}

	public enum ImapAuth {
		PASSWORD, XOAUTH2
	}

	public enum AfterImport {
		SEEN, MOVE, DELETE
	}

	@Id
	@GeneratedValue(generator = "mailboxes_seq")
	@SequenceGenerator(name = "mailboxes_seq", sequenceName = "mailboxes_seq", allocationSize = 50)
	private Long id;

	private String name;

	private String address;

	@Column(name = "group_name")
	private String group;

	@Enumerated(EnumType.STRING)
	@Column(name = "inbound_mode")
	private InboundMode inboundMode = InboundMode.PUSH;

	@Column(name = "imap_host")
	private String imapHost;

	@Column(name = "imap_port")
	private Integer imapPort;

	@Enumerated(EnumType.STRING)
	@Column(name = "imap_security")
	private Security imapSecurity;

	@Column(name = "imap_username")
	private String imapUsername;

	@Enumerated(EnumType.STRING)
	@Column(name = "imap_auth")
	private ImapAuth imapAuth;

	@Column(name = "imap_secret")
	private String imapSecretSealed;

	@Column(name = "imap_folder")
	private String imapFolder;

	@Column(name = "poll_seconds")
	private Integer pollSeconds;

	@Enumerated(EnumType.STRING)
	@Column(name = "after_import")
	private AfterImport afterImport;

	@Column(name = "move_folder")
	private String moveFolder;

	@Column(name = "smtp_host")
	private String smtpHost;

	@Column(name = "smtp_port")
	private Integer smtpPort;

	@Enumerated(EnumType.STRING)
	@Column(name = "smtp_security")
	private Security smtpSecurity;

	@Column(name = "smtp_username")
	private String smtpUsername;

	@Column(name = "smtp_secret")
	private String smtpSecretSealed;

	@Column(name = "from_name")
	private String fromName;

	@Column(name = "inbound_secret_hash")
	private String inboundSecretHash;

	@Column(name = "notify_received")
	private boolean notifyReceived = true;

	@Column(name = "notify_replies")
	private boolean notifyReplies = true;

	@Column(name = "notify_solved")
	private boolean notifySolved = true;

	@Column(name = "is_default")
	private boolean defaultMailbox;

	private boolean active = true;

	@Column(name = "last_polled_at")
	private Instant lastPolledAt;

	@Column(name = "last_poll_error")
	private String lastPollError;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	protected Mailbox() {
	}

	public Mailbox(String name, String address, String group, String inboundSecretHash, Instant createdAt) {
		this.name = name;
		this.address = address;
		this.group = group;
		this.inboundSecretHash = inboundSecretHash;
		this.createdAt = createdAt;
	}

	public Long getId() { return id; }
	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public String getAddress() { return address; }
	public void setAddress(String address) { this.address = address; }
	public String getGroup() { return group; }
	public void setGroup(String group) { this.group = group; }
	public InboundMode getInboundMode() { return inboundMode; }
	public void setInboundMode(InboundMode inboundMode) { this.inboundMode = inboundMode; }
	public String getImapHost() { return imapHost; }
	public void setImapHost(String imapHost) { this.imapHost = imapHost; }
	public Integer getImapPort() { return imapPort; }
	public void setImapPort(Integer imapPort) { this.imapPort = imapPort; }
	public Security getImapSecurity() { return imapSecurity; }
	public void setImapSecurity(Security imapSecurity) { this.imapSecurity = imapSecurity; }
	public String getImapUsername() { return imapUsername; }
	public void setImapUsername(String imapUsername) { this.imapUsername = imapUsername; }
	public ImapAuth getImapAuth() { return imapAuth; }
	public void setImapAuth(ImapAuth imapAuth) { this.imapAuth = imapAuth; }
	/** The sealed IMAP password or token; open it with {@code SecretBox.open(value, "mailbox:<id>:imap")}. */
	public String getImapSecretSealed() { return imapSecretSealed; }
	public void setImapSecretSealed(String sealed) { this.imapSecretSealed = sealed; }
	public String getImapFolder() { return imapFolder; }
	public void setImapFolder(String imapFolder) { this.imapFolder = imapFolder; }
	public Integer getPollSeconds() { return pollSeconds; }
	public void setPollSeconds(Integer pollSeconds) { this.pollSeconds = pollSeconds; }
	public AfterImport getAfterImport() { return afterImport; }
	public void setAfterImport(AfterImport afterImport) { this.afterImport = afterImport; }
	public String getMoveFolder() { return moveFolder; }
	public void setMoveFolder(String moveFolder) { this.moveFolder = moveFolder; }
	public String getSmtpHost() { return smtpHost; }
	public void setSmtpHost(String smtpHost) { this.smtpHost = smtpHost; }
	public Integer getSmtpPort() { return smtpPort; }
	public void setSmtpPort(Integer smtpPort) { this.smtpPort = smtpPort; }
	public Security getSmtpSecurity() { return smtpSecurity; }
	public void setSmtpSecurity(Security smtpSecurity) { this.smtpSecurity = smtpSecurity; }
	public String getSmtpUsername() { return smtpUsername; }
	public void setSmtpUsername(String smtpUsername) { this.smtpUsername = smtpUsername; }
	/** The sealed SMTP password; open it with {@code SecretBox.open(value, "mailbox:<id>:smtp")}. */
	public String getSmtpSecretSealed() { return smtpSecretSealed; }
	public void setSmtpSecretSealed(String sealed) { this.smtpSecretSealed = sealed; }
	public String getFromName() { return fromName; }
	public void setFromName(String fromName) { this.fromName = fromName; }
	public String getInboundSecretHash() { return inboundSecretHash; }
	public void setInboundSecretHash(String inboundSecretHash) { this.inboundSecretHash = inboundSecretHash; }
	public boolean isNotifyReceived() { return notifyReceived; }
	public void setNotifyReceived(boolean notifyReceived) { this.notifyReceived = notifyReceived; }
	public boolean isNotifyReplies() { return notifyReplies; }
	public void setNotifyReplies(boolean notifyReplies) { this.notifyReplies = notifyReplies; }
	public boolean isNotifySolved() { return notifySolved; }
	public void setNotifySolved(boolean notifySolved) { this.notifySolved = notifySolved; }
	public boolean isDefaultMailbox() { return defaultMailbox; }
	public void setDefaultMailbox(boolean defaultMailbox) { this.defaultMailbox = defaultMailbox; }
	public boolean isActive() { return active; }
	public void setActive(boolean active) { this.active = active; }
	public Instant getLastPolledAt() { return lastPolledAt; }
	public String getLastPollError() { return lastPollError; }
	public void polled(Instant at, String error) { this.lastPolledAt = at; this.lastPollError = error; }
	public Instant getCreatedAt() { return createdAt; }
	public long getVersion() { return version; }

	/** The domain part of the address, used as the host of outgoing Message-IDs. */
	public String domain() {
		return address.substring(address.lastIndexOf('@') + 1);
	}
}
