package dev.flowrules.dsl;

/** A place in a rule file, 1-based, as editors and IDEs count. */
public record SourcePos(String file, int line, int column) {

    static SourcePos of(String file, org.yaml.snakeyaml.error.Mark mark) {
        return mark == null ? new SourcePos(file, 1, 1) : new SourcePos(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
