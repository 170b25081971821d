package io.rapport.tickets;

public record AttachmentView(long id, String filename, String contentType, long size) {
}
