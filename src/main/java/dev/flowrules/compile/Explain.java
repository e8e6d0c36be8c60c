package dev.flowrules.compile;

/** Shared formatting for explanations: values are shown on one line and shortened. */
public final class Explain {
    static final int SHOWN = 80;

    private Explain() {
    }

    public static String abbreviate(String text) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && shown.length() < SHOWN; i++) {
            char c = text.charAt(i);
            shown.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
        if (text.length() > shown.length()) {
            if (Character.isHighSurrogate(shown.charAt(shown.length() - 1))) {
                shown.setLength(shown.length() - 1);
            }
            shown.append("...");
        }
        return shown.toString();
    }
}
