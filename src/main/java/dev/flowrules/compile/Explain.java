package dev.flowrules.compile;

/**
 * Shared formatting for explanations: values are shown on one line and shortened. Internal: not exported by the module.
 */
public final class Explain {
    static final int SHOWN = 80;

    private Explain() {
    }

    /**
     * The value on one line, shortened in the middle when long: the start and the end stay visible, since the part
     * of an ARN or id that differs is usually at its end.
     */
    public static String abbreviate(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            line.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
        if (line.length() <= SHOWN) {
            return line.toString();
        }
        int head = SHOWN / 2;
        int tailStart = line.length() - (SHOWN - head - 3);
        if (Character.isHighSurrogate(line.charAt(head - 1))) {
            head--;
        }
        if (Character.isLowSurrogate(line.charAt(tailStart))) {
            tailStart++;
        }
        return line.substring(0, head) + "..." + line.substring(tailStart);
    }
}
