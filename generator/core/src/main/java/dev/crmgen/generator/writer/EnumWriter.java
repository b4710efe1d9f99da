package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import dev.crmgen.generator.naming.MemberNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes an open enum: a final class over the runtime's {@code OpenEnum} (raw value, {@code known()}, equality and
 * codec) with one constant per spec value, kept by the runtime's {@code OpenEnum.Values}, and a nested Java
 * {@code enum Known} to switch on. A value the spec does
 * not list (a server may add one at any time) still parses: {@code known()} is {@code UNKNOWN} and {@code value()}
 * keeps the raw value, which is written back unchanged.
 */
final class EnumWriter {
    private final CodecExpressions codecs;
    private final SourceFiles files;
    private final TypeDecl.EnumDecl decl;
    private final ClassName name;
    private final boolean string;
    private final TypeName valueType;

    EnumWriter(JavaTypes types, CodecExpressions codecs, SourceFiles files, TypeDecl.EnumDecl decl) {
        this.codecs = codecs;
        this.files = files;
        this.decl = decl;
        this.name = types.className(decl.javaName());
        this.string = decl.valueType() == TypeRef.Scalar.STRING;
        this.valueType = string
                ? ClassName.get(String.class)
                : decl.valueType() == TypeRef.Scalar.INT32 ? TypeName.INT : TypeName.LONG;
    }

    GeneratedFile write() {
        ClassName known = name.nestedClass("Known");
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(RuntimeTypes.OPEN_ENUM, valueType.box(), known));
        CodeBlock doc = Javadoc.paragraphs(decl.description());
        type.addJavadoc(doc.isEmpty() ? CodeBlock.of("The {@code $L} values.\n", Javadoc.escape(decl.pointer())) : doc);
        type.addJavadoc(
                "\n<p>Open: an unlisted value parses too, as {@link Known#$L}; {@link #value()} keeps it.\n",
                decl.unknownConstant());
        if (decl.deprecated()) {
            type.addAnnotation(Deprecated.class);
        }
        // Declared before the constants: each constant registers itself while the class initialises.
        TypeName values = ParameterizedTypeName.get(RuntimeTypes.OPEN_ENUM_VALUES, valueType.box(), known, name);
        type.addField(
                FieldSpec.builder(values, MemberNames.ENUM_LISTED, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(
                                "new $T<>($L, $T.values(), $T::new)",
                                RuntimeTypes.OPEN_ENUM_VALUES,
                                codecs.scalarCodec(decl.valueType()),
                                known,
                                name)
                        .build());
        for (TypeDecl.EnumConstant c : decl.constants()) {
            // No javadoc: the initializer shows the wire value, and one line per value keeps long lists readable.
            // Each constant takes the Known constant of its position (the runtime's OpenEnum.Values).
            type.addField(FieldSpec.builder(name, c.javaName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer(constantInitializer(c))
                    .build());
        }
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(valueType.box(), "value")
                .addParameter(known, "known")
                .addStatement("super(value, known, known != $T.$L)", known, decl.unknownConstant())
                .build());
        type.addMethod(MethodSpec.methodBuilder("of")
                .addJavadoc("The constant for {@code value}, or a new instance keeping an unlisted value.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name)
                .addParameter(valueType, "value")
                .addStatement("return $L.of(value)", MemberNames.ENUM_LISTED)
                .build());
        type.addMethod(MethodSpec.methodBuilder("jsonCodec")
                .addJavadoc("Reads and writes the raw value; unlisted values never fail.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(RuntimeTypes.JSON_CODEC, name))
                .addStatement("return $L.codec()", MemberNames.ENUM_LISTED)
                .build());
        TypeSpec.Builder knownEnum = TypeSpec.enumBuilder(known)
                .addJavadoc("The values the spec lists, plus {@code $L} for any other.\n", decl.unknownConstant())
                .addModifiers(Modifier.PUBLIC);
        for (TypeDecl.EnumConstant c : decl.constants()) {
            knownEnum.addEnumConstant(c.javaName());
        }
        knownEnum.addEnumConstant(decl.unknownConstant());
        type.addType(knownEnum.build());
        GeneratedFile file = files.file(type, decl.javaName());
        return new GeneratedFile(file.qualifiedName(), constantsAsOneTable(file.source()));
    }

    /**
     * JavaPoet puts a blank line between any two members; the constants and the {@code Known} values read as one
     * table each without them, which matters for HubSpot's enums of hundreds of values.
     */
    private String constantsAsOneTable(String source) {
        List<String> lines = new ArrayList<>(List.of(source.split("\n", -1)));
        String constant = "    public static final " + name.simpleName() + " ";
        int first = firstStartingWith(lines, constant);
        int last = lastStartingWith(lines, constant);
        int known = lines.indexOf("    public enum Known {");
        int knownEnd = known + lines.subList(known, lines.size()).indexOf("    }");
        // From the end, so that removing lines does not move the ranges still to do.
        removeBlankLines(lines, known, knownEnd);
        if (first >= 0) {
            removeBlankLines(lines, first, last);
        }
        return String.join("\n", lines);
    }

    private static int firstStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastStartingWith(List<String> lines, String prefix) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static void removeBlankLines(List<String> lines, int from, int to) {
        for (int i = to; i > from; i--) {
            if (lines.get(i).isEmpty()) {
                lines.remove(i);
            }
        }
    }

    /** {@code LISTED.add(value)}, on a line of its own when the declaration would not fit on one. */
    private CodeBlock constantInitializer(TypeDecl.EnumConstant c) {
        CodeBlock call = CodeBlock.of("$L.add($L)", MemberNames.ENUM_LISTED, literal(c.value()));
        String declaration = "    public static final " + name.simpleName() + " " + c.javaName() + " = " + call + ";";
        return declaration.length() <= SourceFiles.LINE_LIMIT ? call : CodeBlock.of("$Z$L", call);
    }

    private CodeBlock literal(String value) {
        if (string) {
            return CodeBlock.of("$S", value);
        }
        return CodeBlock.of(decl.valueType() == TypeRef.Scalar.INT64 ? "$LL" : "$L", value);
    }
}
