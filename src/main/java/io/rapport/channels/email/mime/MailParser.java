package io.rapport.channels.email.mime;

/**
 * Reads raw mail (RFC 5322 / MIME bytes) into a {@link ParsedMail}. Never throws for a mail it can read in part:
 * what it could not read is listed in {@link ParsedMail#problems()}. Throws {@link UnreadableMailException} only
 * when nothing usable is left (no header block, over the size limit, a header bomb).
 */
public interface MailParser {

	ParsedMail parse(byte[] raw) throws UnreadableMailException;
}
