package dev.flowrules.dsl;

/** How a length or number test compares the value with its bound. */
public enum Comparison {
    /** Strictly greater: {@code greater-than}, {@code longer-than}. */
    GREATER_THAN(">"),
    /** Greater or equal: {@code at-least}, {@code length-at-least}. */
    AT_LEAST(">="),
    /** Strictly less: {@code less-than}, {@code shorter-than}. */
    LESS_THAN("<"),
    /** Less or equal: {@code at-most}, {@code length-at-most}. */
    AT_MOST("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /**
     * The symbol explanations show.
     *
     * @return e.g. {@code >=}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Whether a comparison's result satisfies this bound.
     *
     * @param compareResult the value compared with the bound, as {@link Comparable#compareTo} returns it
     * @return true when the test holds
     */
    public boolean holds(int compareResult) {
        return switch (this) {
            case GREATER_THAN -> compareResult > 0;
            case AT_LEAST -> compareResult >= 0;
            case LESS_THAN -> compareResult < 0;
            case AT_MOST -> compareResult <= 0;
        };
    }
}
