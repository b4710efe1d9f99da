package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.Parameter;
import dev.crmgen.generator.naming.MemberNames;
import dev.crmgen.generator.naming.NameTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one place that decides what an operation's public client methods take: every parameter in order when it has
 * few optional ones, else its required parameters plus its parameter record ({@link ParameterRecordWriter}), with a
 * short overload taking only the required ones. Stream and {@code …Async} methods take the same.
 *
 * @param parameters every parameter of the operation, in the order the request builder takes them
 * @param record the operation's parameter record, or null when it keeps the plain signature
 */
record OperationSignature(List<OperationParameter> parameters, ClassName record) {
    /** An operation with at least this many optional query or header parameters gets a parameter record. */
    static final int RECORD_THRESHOLD = 2;

    OperationSignature {
        parameters = List.copyOf(parameters);
    }

    /**
     * The signature of each of {@code model}'s operations, in order. Parameter records are named after their
     * methods ({@code GetPageParams}), clear of every other type of the package, case aside.
     */
    static List<OperationSignature> of(ApiModel model, JavaTypes types) {
        NameTable typeNames = new NameTable(true);
        for (String typeName : model.types().keySet()) {
            typeNames.reserve(typeName);
        }
        typeNames.reserve(model.clientName());
        List<OperationSignature> out = new ArrayList<>();
        for (Operation op : model.operations()) {
            ClassName record = needsRecord(op)
                    ? types.className(typeNames.allocate(MemberNames.parameterRecord(op.methodName())))
                    : null;
            out.add(new OperationSignature(OperationParameter.of(op, types), record));
        }
        return out;
    }

    /** Whether {@code op}'s optional query and header parameters go into a parameter record. */
    static boolean needsRecord(Operation op) {
        int inRecord = 0;
        for (Parameter p : op.parameters()) {
            if (inRecord(p.in(), p.required())) {
                inRecord++;
            }
        }
        return inRecord >= RECORD_THRESHOLD;
    }

    private static boolean inRecord(Parameter.Location in, boolean required) {
        return !required && in != Parameter.Location.PATH;
    }

    /** Whether parameter {@code p} is a component of the parameter record rather than a method parameter. */
    boolean inRecord(OperationParameter p) {
        return record != null
                && p.source() instanceof OperationParameter.QueryOrHeader q
                && inRecord(q.parameter().in(), q.parameter().required());
    }

    /** The record's components, in the operation's order; empty without a record. */
    List<OperationParameter> components() {
        return parameters(true);
    }

    /** The parameters the method takes itself: all of them, or the required ones when there is a record. */
    List<OperationParameter> direct() {
        return parameters(false);
    }

    // Plain loops rather than streams here and below: these run for every operation, and each lambda costs a class
    // spun at first use in the cold JVM the generator mostly runs in.
    private List<OperationParameter> parameters(boolean inRecord) {
        List<OperationParameter> out = new ArrayList<>(parameters.size());
        for (OperationParameter p : parameters) {
            if (inRecord(p) == inRecord) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether the record has a component named {@code name}. */
    boolean hasComponent(String name) {
        for (OperationParameter p : components()) {
            if (p.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The name of the request body's parameter; the operation must have a body. */
    String bodyName() {
        for (OperationParameter p : parameters) {
            if (p.source() instanceof OperationParameter.Body) {
                return p.name();
            }
        }
        throw new IllegalStateException("no request body");
    }

    /** The full method's parameters: the direct ones and the record. */
    List<ParameterSpec> specs() {
        List<ParameterSpec> specs = new ArrayList<>(shortSpecs());
        if (record != null) {
            specs.add(ParameterSpec.builder(record, recordName()).build());
        }
        return specs;
    }

    /** The full method's parameters but {@code name}. */
    List<ParameterSpec> specsExcept(String name) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (ParameterSpec s : specs()) {
            if (!s.name().equals(name)) {
                specs.add(s);
            }
        }
        return specs;
    }

    /** The short overload's parameters: the direct ones. */
    List<ParameterSpec> shortSpecs() {
        List<ParameterSpec> specs = new ArrayList<>(parameters.size() + 1);
        for (OperationParameter p : direct()) {
            specs.add(p.spec());
        }
        return specs;
    }

    /** The full method's raw parameter types, for a {@code {@link #method(…)}} to it. */
    CodeBlock linkTypes() {
        return linkTypes(specs());
    }

    /** The short overload's raw parameter types, for a {@code {@link #method(…)}} to it. */
    CodeBlock shortLinkTypes() {
        return linkTypes(shortSpecs());
    }

    /** The raw types of {@code specs}, as a {@code {@link #method(…)}} wants them. */
    static CodeBlock linkTypes(List<ParameterSpec> specs) {
        List<CodeBlock> types = new ArrayList<>(specs.size());
        for (ParameterSpec s : specs) {
            types.add(CodeBlock.of(
                    "$T", s.type() instanceof ParameterizedTypeName generic ? generic.rawType() : s.type()));
        }
        return CodeBlock.join(types, ", ");
    }

    /** The full method's {@code @param} tags. */
    CodeBlock javadoc() {
        return javadocExcept(null);
    }

    /** The full method's {@code @param} tags but the one of {@code name}. */
    CodeBlock javadocExcept(String name) {
        CodeBlock.Builder doc = CodeBlock.builder();
        for (OperationParameter p : direct()) {
            if (!p.name().equals(name)) {
                doc.add(p.javadoc());
            }
        }
        if (record != null && !recordName().equals(name)) {
            doc.add(
                    "@param $L the optional parameters ({@code $T.builder()…build()}); a part left unset is not sent\n",
                    recordName(),
                    record);
        }
        return doc.build();
    }

    /** The statement a request builder starts with: the record must be given (an empty one leaves every part out). */
    CodeBlock recordCheck() {
        return record == null
                ? CodeBlock.of("")
                : CodeBlock.of("$T.requireNonNull($L, $S);\n", Objects.class, recordName(), recordName());
    }

    /** What the request builder puts into the request for {@code p}: the parameter, or the record's component. */
    CodeBlock argument(OperationParameter p) {
        return inRecord(p) ? CodeBlock.of("$L.$L()", recordName(), p.name()) : CodeBlock.of("$L", p.name());
    }

    /** The arguments the short overload passes to the full method: its own, then an empty record. */
    CodeBlock shortCallArguments() {
        List<CodeBlock> args = new ArrayList<>();
        for (OperationParameter p : direct()) {
            args.add(CodeBlock.of("$L", p.name()));
        }
        args.add(CodeBlock.of("$T.builder().build()", record));
        return CodeBlock.join(args, ",$W");
    }

    /**
     * Arguments for a call of the full method from a method of (nearly) its parameters, with parameter
     * {@code replaced} (or none, when null) given as {@code replacement}.
     */
    CodeBlock callArguments(String replaced, CodeBlock replacement) {
        List<CodeBlock> args = new ArrayList<>();
        for (ParameterSpec s : specs()) {
            args.add(s.name().equals(replaced) ? replacement : CodeBlock.of("$L", s.name()));
        }
        return CodeBlock.join(args, ",$W");
    }

    static String recordName() {
        return MemberNames.PARAMETER_RECORD;
    }

    /** Whether the method has a parameter record. */
    boolean hasRecord() {
        return record != null;
    }
}
