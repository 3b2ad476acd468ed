package katas.runner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown as plain terminal text: headings underlined, code blocks indented, emphasis and link
 * syntax dropped (a link keeps its address), tables and lists as they are.
 */
final class MarkdownText {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)]+)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");

    private MarkdownText() {
    }

    static String render(String markdown) {
        StringBuilder text = new StringBuilder();
        boolean inCode = false;
        for (String line : markdown.lines().toList()) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                text.append("    ").append(line).append('\n');
                continue;
            }
            if (line.startsWith("#")) {
                int level = line.indexOf(' ');
                String title = inline(line.substring(Math.max(level, 0)).strip());
                text.append('\n').append(level <= 1 ? title.toUpperCase(java.util.Locale.ROOT) : title).append('\n')
                        .append((level <= 2 ? "=" : "-").repeat(title.length())).append('\n');
                continue;
            }
            text.append(inline(line)).append('\n');
        }
        return text.toString();
    }

    private static String inline(String line) {
        Matcher link = LINK.matcher(line);
        StringBuilder out = new StringBuilder();
        while (link.find()) {
            String target = link.group(2);
            String replacement = target.startsWith("http") ? link.group(1) + " (" + target + ")" : link.group(1);
            link.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        link.appendTail(out);
        return BOLD.matcher(out.toString()).replaceAll("$1");
    }
}
