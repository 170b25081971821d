package io.rapport.tickets;

/** A file attached to a message, as received from a form, an email or the API. */
public record Upload(String filename, String contentType, byte[] content) {
}
