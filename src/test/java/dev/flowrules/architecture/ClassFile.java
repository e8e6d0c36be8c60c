package dev.flowrules.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a compiled class refers to, read from its constant pool: every name and descriptor it holds and the
 * methods and fields it uses. Reading class files rather than sources, a fully qualified name, a static import
 * or a method reference cannot slip past a check.
 */
public record ClassFile(String name, List<String> strings, List<String[]> memberRefs) {

    /** Every class below {@code classes} (e.g. target/classes), by path relative to it. */
    public static Map<String, ClassFile> all(Path classes) throws IOException {
        Map<String, ClassFile> found = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                try (InputStream in = Files.newInputStream(file)) {
                    found.put(name, read(name, in));
                }
            }
        }
        return found;
    }

    /** {@code memberRefs} are {@code {owner, member}} pairs such as {@code {"java/lang/String", "split"}}. */
    public static ClassFile read(String name, InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException(name + " is not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        int[][] memberRef = new int[count][];
        int[][] nameAndType = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11 -> memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> nameAndType[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 17, 18 -> {
                    in.readUnsignedShort();
                    in.readUnsignedShort();
                }
                default -> throw new IOException(name + ": unknown constant pool tag " + tag);
            }
        }
        List<String> strings = new ArrayList<>();
        List<String[]> members = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (utf8[i] != null) {
                strings.add(utf8[i]);
            }
            if (memberRef[i] != null) {
                members.add(new String[] {utf8[classNameIndex[memberRef[i][0]]], utf8[nameAndType[memberRef[i][1]][0]]});
            }
        }
        return new ClassFile(name, List.copyOf(strings), List.copyOf(members));
    }
}
