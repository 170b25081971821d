package io.rapport.knowledge.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line diff between two texts, as people read one: unchanged lines, removed lines (with their old number) and
 * added lines (with their new number). The common head and tail are cut first; the middle is compared by longest
 * common subsequence, or shown as removed then added when it is too long to compare line by line.
 */
public final class LineDiff {

	public enum Kind {
		SAME, REMOVED, ADDED
	}

	public record Line(Kind kind, Integer oldNumber, Integer newNumber, String text) {

		public String css() {
			return "diff-" + kind.name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	private static final long MAX_CELLS = 4_000_000;

	private LineDiff() {
	}

	public static List<Line> between(String before, String after) {
		String[] a = lines(before);
		String[] b = lines(after);
		int head = 0;
		while (head < a.length && head < b.length && a[head].equals(b[head])) {
			head++;
		}
		int tail = 0;
		while (tail < a.length - head && tail < b.length - head
				&& a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
			tail++;
		}
		List<Line> out = new ArrayList<>();
		for (int i = 0; i < head; i++) {
			out.add(new Line(Kind.SAME, i + 1, i + 1, a[i]));
		}
		String[] midA = Arrays.copyOfRange(a, head, a.length - tail);
		String[] midB = Arrays.copyOfRange(b, head, b.length - tail);
		middle(midA, midB, head, out);
		for (int i = tail; i > 0; i--) {
			out.add(new Line(Kind.SAME, a.length - i + 1, b.length - i + 1, a[a.length - i]));
		}
		return out;
	}

	private static void middle(String[] a, String[] b, int offset, List<Line> out) {
		if ((long) a.length * b.length > MAX_CELLS) {
			for (int i = 0; i < a.length; i++) {
				out.add(new Line(Kind.REMOVED, offset + i + 1, null, a[i]));
			}
			for (int j = 0; j < b.length; j++) {
				out.add(new Line(Kind.ADDED, null, offset + j + 1, b[j]));
			}
			return;
		}
		int[][] lcs = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.length || j < b.length) {
			if (i < a.length && j < b.length && a[i].equals(b[j])) {
				out.add(new Line(Kind.SAME, offset + i + 1, offset + j + 1, a[i]));
				i++;
				j++;
			}
			else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
				out.add(new Line(Kind.REMOVED, offset + i + 1, null, a[i]));
				i++;
			}
			else {
				out.add(new Line(Kind.ADDED, null, offset + j + 1, b[j]));
				j++;
			}
		}
	}

	private static String[] lines(String text) {
		return text == null || text.isEmpty() ? new String[0] : text.replace("\r\n", "\n").split("\n", -1);
	}
}
