package dev.crmgen.generator.writer;

import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.BuilderRule;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.TypeDecl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a model into Java sources: one file per generated type plus the client, sorted by qualified name.
 *
 * <p>The only public class of the writers: the rest are package-private, one per kind of output (records and their
 * codecs, operations' parameter records, open enums, oneOf interfaces, response unions, the client and its batch methods and form encoders) over
 * what they share ({@link JavaTypes}, {@link CodecExpressions}, {@link Javadoc}, {@link SourceFiles}).
 */
public final class Writers {
    private Writers() {}

    /**
     * The sources of {@code model}.
     *
     * @param version the generator's version, named in every file's {@code @Generated}
     */
    public static List<GeneratedFile> write(ApiModel model, String version) {
        JavaTypes types = new JavaTypes(model.packageName());
        CodecExpressions codecs = new CodecExpressions(types);
        SourceFiles sourceFiles = new SourceFiles(model, version);
        // A record implements every oneOf interface it is a member of.
        Map<String, List<String>> unionsOf = new HashMap<>();
        for (TypeDecl type : model.types().values()) {
            if (type instanceof TypeDecl.OneOfDecl oneOf) {
                for (TypeDecl.OneOfMember m : oneOf.members()) {
                    List<String> unions = unionsOf.get(m.javaName());
                    if (unions == null) {
                        unions = new ArrayList<>();
                        unionsOf.put(m.javaName(), unions);
                    }
                    unions.add(oneOf.javaName());
                }
            }
        }
        BuilderRule builders = BuilderRule.of(model);
        List<GeneratedFile> files = new ArrayList<>();
        for (TypeDecl type : model.types().values()) {
            if (type instanceof TypeDecl.RecordDecl record) {
                List<String> unions = unionsOf.getOrDefault(record.javaName(), List.of());
                files.add(new RecordWriter(types, codecs, sourceFiles, record, unions, builders.hasBuilder(record))
                        .write());
            } else if (type instanceof TypeDecl.OneOfDecl oneOf) {
                files.add(new OneOfWriter(types, codecs, sourceFiles, oneOf).write());
            } else if (type instanceof TypeDecl.EnumDecl e) {
                files.add(new EnumWriter(types, codecs, sourceFiles, e).write());
            } else if (type instanceof TypeDecl.ResponseUnionDecl union) {
                files.add(new ResponseUnionWriter(types, sourceFiles, union).write());
            }
        }
        List<OperationSignature> signatures = OperationSignature.of(model, types);
        for (int i = 0; i < signatures.size(); i++) {
            if (signatures.get(i).hasRecord()) {
                Operation op = model.operations().get(i);
                files.add(new ParameterRecordWriter(sourceFiles, op, signatures.get(i)).write());
            }
        }
        files.add(new ClientWriter(model, types, codecs, sourceFiles, signatures).write());
        files.sort(Comparator.comparing(GeneratedFile::qualifiedName));
        return files;
    }
}
