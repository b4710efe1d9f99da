package dev.crmgen.generator.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.naming.MemberNames;
import dev.crmgen.generator.naming.NameTable;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The client class under construction: its member names, free of clashes, and where each operation's static members
 * (request builders, response mappers, batch keys) live.
 *
 * <p>The JVM caps a method, the static initialiser included, at 64 KiB of bytecode and a class at 65,535 constants;
 * a few hundred operations stay far below both, so larger APIs get those members in nested holders of
 * {@link #OPERATIONS_PER_HOLDER} operations.
 */
final class ClientMembers {
    static final int OPERATIONS_PER_HOLDER = 250;

    private final TypeSpec.Builder client;
    private final NameTable names = new NameTable(false);
    /** Per holder, its operations' static members; empty when the client holds them itself. */
    private final List<TypeSpec.Builder> holders = new ArrayList<>();

    private final List<String> holderNames = new ArrayList<>();
    /** The index of the operation being written, which decides the holder of its static members. */
    private int operationIndex;

    ClientMembers(TypeSpec.Builder client, List<Operation> operations) {
        this.client = client;
        names.reserve(MemberNames.INVOKER);
        for (Operation op : operations) {
            for (String method : MemberNames.clientMethods(op.methodName())) {
                names.reserve(method);
            }
        }
        if (operations.size() > OPERATIONS_PER_HOLDER) {
            for (int first = 0; first < operations.size(); first += OPERATIONS_PER_HOLDER) {
                int last = Math.min(first + OPERATIONS_PER_HOLDER, operations.size());
                String name = names.allocate("Operations" + (first / OPERATIONS_PER_HOLDER + 1));
                holderNames.add(name);
                holders.add(TypeSpec.classBuilder(name)
                        .addJavadoc(
                                "Request builders and constants of operations $L to $L, initialised on first use; "
                                        + "grouped so that neither the client nor any class initialiser outgrows the JVM's "
                                        + "limits.\n",
                                first + 1,
                                last)
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .addMethod(MethodSpec.constructorBuilder()
                                .addModifiers(Modifier.PRIVATE)
                                .build()));
            }
        }
    }

    /** A member name based on {@code wanted} that no other member has. */
    String allocate(String wanted) {
        return names.allocate(wanted);
    }

    /** Adds an instance method to the client itself. */
    void addMethod(MethodSpec method) {
        client.addMethod(method);
    }

    /** Adds a static method of the current operation where its static members live. */
    void addStaticMethod(MethodSpec method) {
        home().addMethod(method);
    }

    /** Declares a constant of the current operation where its static members live; returns how to refer to it. */
    CodeBlock addConstant(TypeName type, String wantedName, CodeBlock initializer) {
        String name = allocate(wantedName);
        home().addField(FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$Z$L", initializer)
                .build());
        return reference(name);
    }

    /** How the client's methods refer to the current operation's static member {@code name}. */
    CodeBlock reference(String name) {
        return holders.isEmpty()
                ? CodeBlock.of("$L", name)
                : CodeBlock.of("$L.$L", holderNames.get(operationIndex / OPERATIONS_PER_HOLDER), name);
    }

    /** Moves on to the next operation. */
    void nextOperation() {
        operationIndex++;
    }

    /** Adds the holders to the client, once every operation is written. */
    void addHolders() {
        for (TypeSpec.Builder holder : holders) {
            client.addType(holder.build());
        }
    }

    private TypeSpec.Builder home() {
        return holders.isEmpty() ? client : holders.get(operationIndex / OPERATIONS_PER_HOLDER);
    }
}
