package dev.flowrules.dsl;

public enum Comparison {
    GREATER_THAN(">"), AT_LEAST(">="), LESS_THAN("<"), AT_MOST("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(int compareResult) {
        return switch (this) {
            case GREATER_THAN -> compareResult > 0;
            case AT_LEAST -> compareResult >= 0;
            case LESS_THAN -> compareResult < 0;
            case AT_MOST -> compareResult <= 0;
        };
    }
}
