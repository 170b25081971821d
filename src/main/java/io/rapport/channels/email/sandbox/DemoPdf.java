package io.rapport.channels.email.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A one-page invoice as a real PDF (correct cross-reference table, so any viewer opens it), for the demo's mail
 * with an attachment: built here rather than kept as a binary file, so the demo carries no opaque bytes.
 */
final class DemoPdf {

	private DemoPdf() {
	}

	static byte[] invoice() {
		String page = "BT /F1 18 Tf 60 780 Td (Brightlane - Factura BL-2026-1187) Tj ET\n"
				+ "BT /F1 11 Tf 60 740 Td (Perioada: 1-30 noiembrie 2026) Tj ET\n"
				+ "BT /F1 11 Tf 60 720 Td (Brightlane Business, 25 utilizatori x 12,00 EUR = 300,00 EUR) Tj ET\n"
				+ "BT /F1 11 Tf 60 700 Td (TVA 19% = 57,00 EUR) Tj ET\n"
				+ "BT /F1 11 Tf 60 680 Td (Total de plata: 357,00 EUR) Tj ET\n";
		List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
						+ "/Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + page.length() + " >>\nstream\n" + page + "endstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		StringBuilder xref = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		for (int i = 0; i < objects.size(); i++) {
			xref.append(String.format("%010d 00000 n \n", pdf.length()));
			pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
		}
		int start = pdf.length();
		pdf.append(xref).append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
			.append(start).append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.US_ASCII);
	}
}
