package katas.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.reflect.AccessFlag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fingerprint of what other code can see of compiled classes: each class's name, flags, supertypes
 * and generic signature, and each non-private field and method with its type, flags and constant value.
 * Tests compiled against classes with one fingerprint link and behave the same against any other
 * compilation with that fingerprint, so they need not be compiled again (method bodies may differ).
 */
final class ClassApi {

    private ClassApi() {
    }

    /** The fingerprint of every class file under {@code classesDir}, or of the sources and classpath given as {@code extra}. */
    static String fingerprint(Path classesDir, String... extra) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String text : extra) {
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            List<Path> classFiles;
            try (Stream<Path> walk = Files.walk(classesDir)) {
                classFiles = walk.filter(path -> path.toString().endsWith(".class")).sorted().toList();
            }
            for (Path classFile : classFiles) {
                for (String line : describe(ClassFile.of().parse(Files.readAllBytes(classFile)))) {
                    digest.update(line.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) '\n');
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes in " + classesDir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> describe(ClassModel model) {
        List<String> lines = new ArrayList<>();
        lines.add("class " + model.thisClass().asInternalName() + " " + model.flags().flagsMask() + " "
                + model.superclass().map(type -> type.asInternalName()).orElse("-") + " "
                + model.interfaces().stream().map(type -> type.asInternalName()).toList() + " "
                + model.findAttribute(Attributes.signature()).map(s -> s.signature().stringValue()).orElse("")
                + " " + model.findAttribute(Attributes.permittedSubclasses())
                        .map(p -> p.permittedSubclasses().stream().map(type -> type.asInternalName()).toList().toString())
                        .orElse("")
                + " " + model.findAttribute(Attributes.record()).map(r -> r.components().stream()
                        .map(c -> c.name().stringValue() + ":" + c.descriptor().stringValue()).toList().toString())
                        .orElse(""));
        for (FieldModel field : model.fields()) {
            if (!field.flags().has(AccessFlag.PRIVATE)) {
                lines.add("field " + field.fieldName().stringValue() + " " + field.fieldType().stringValue() + " "
                        + field.flags().flagsMask() + " "
                        + field.findAttribute(Attributes.signature()).map(s -> s.signature().stringValue()).orElse("")
                        + " " + field.findAttribute(Attributes.constantValue())
                                .map(c -> String.valueOf(c.constant().constantValue())).orElse(""));
            }
        }
        for (MethodModel method : model.methods()) {
            if (!method.flags().has(AccessFlag.PRIVATE)) {
                lines.add("method " + method.methodName().stringValue() + " " + method.methodType().stringValue() + " "
                        + method.flags().flagsMask() + " "
                        + method.findAttribute(Attributes.signature()).map(s -> s.signature().stringValue()).orElse("")
                        + " " + method.findAttribute(Attributes.exceptions())
                                .map(e -> e.exceptions().stream().map(type -> type.asInternalName()).toList().toString())
                                .orElse(""));
            }
        }
        return lines;
    }
}
