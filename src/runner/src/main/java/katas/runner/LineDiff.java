package katas.runner;

import java.util.ArrayList;
import java.util.List;

/** A line-by-line difference of two small texts, in the unified format ({@code -} left, {@code +} right). */
final class LineDiff {

    private static final int CONTEXT = 3;

    private LineDiff() {
    }

    /** The unified diff from {@code left} to {@code right}, or an empty string when they are the same. */
    static String unified(String leftName, String left, String rightName, String right) {
        List<String> a = left.lines().toList();
        List<String> b = right.lines().toList();
        // Longest common subsequence table, from the end: lcs[i][j] for a[i..] and b[j..].
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        record Line(char kind, String text, int leftNo, int rightNo) {
        }
        List<Line> script = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                script.add(new Line(' ', a.get(i), i++, j++));
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                script.add(new Line('-', a.get(i), i++, j));
            } else {
                script.add(new Line('+', b.get(j), i, j++));
            }
        }
        StringBuilder text = new StringBuilder();
        int k = 0;
        while (k < script.size()) {
            if (script.get(k).kind() == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            // Extend the hunk while changes are closer than two contexts apart.
            int lastChange = k;
            while (end < script.size() && end - lastChange <= 2 * CONTEXT) {
                if (script.get(end).kind() != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(script.size(), lastChange + CONTEXT + 1);
            List<Line> hunk = script.subList(start, end);
            long leftCount = hunk.stream().filter(line -> line.kind() != '+').count();
            long rightCount = hunk.stream().filter(line -> line.kind() != '-').count();
            if (text.isEmpty()) {
                text.append("--- ").append(leftName).append('\n').append("+++ ").append(rightName).append('\n');
            }
            text.append(String.format("@@ -%d,%d +%d,%d @@%n", hunk.get(0).leftNo() + 1, leftCount,
                    hunk.get(0).rightNo() + 1, rightCount));
            hunk.forEach(line -> text.append(line.kind()).append(line.text()).append('\n'));
            k = end;
        }
        return text.toString();
    }
}
