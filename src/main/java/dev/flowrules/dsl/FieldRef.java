package dev.flowrules.dsl;

/** A field, or for {@link Field#ATTRIBUTE} one message attribute by name. */
public record FieldRef(Field field, String attribute) {

    public static FieldRef of(Field field) {
        return new FieldRef(field, null);
    }

    public static FieldRef attribute(String name) {
        return new FieldRef(Field.ATTRIBUTE, name);
    }

    /** How explanations and diagnostics name it: {@code content}, {@code attributes.priority}. */
    public String display() {
        return field == Field.ATTRIBUTE ? "attributes." + attribute : field.key();
    }

    @Override
    public String toString() {
        return display();
    }
}
