package dev.crmgen.generator.writer;

import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.BuilderRule;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.TypeDecl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a model into Java sources: one file per generated type plus the client, sorted by qualified name.
 *
 * <p>The only public class of the writers: the rest are package-private, one per kind of output (records and their
 * codecs, operations' parameter records, open enums, oneOf interfaces, response unions, the client and its batch
 * methods and form encoders) over what they share ({@link JavaTypes}, {@link CodecExpressions}, {@link Javadoc},
 * {@link SourceFiles}, and {@link ContentKeys} for incremental builds).
 */
public final class Writers {
    private final ApiModel model;
    private final JavaTypes types;
    private final CodecExpressions codecs;
    private final SourceFiles sourceFiles;
    /** Null when no keys were asked for. */
    private final ContentKeys keys;

    private final Set<String> reusableKeys;
    private final List<GeneratedFile> files = new ArrayList<>();
    private final SortedMap<String, String> contentKeys = new TreeMap<>();

    private Writers(ApiModel model, String version, GeneratorOptions options, Set<String> reusableKeys) {
        this.model = model;
        this.types = new JavaTypes(model.packageName());
        this.codecs = new CodecExpressions(types);
        this.sourceFiles = new SourceFiles(model, version);
        this.keys = options == null ? null : new ContentKeys(model, version, options, sourceFiles.deprecates());
        this.reusableKeys = reusableKeys;
    }

    /**
     * What {@link #write(ApiModel, String, GeneratorOptions, Set)} produced.
     *
     * @param files the files emitted, sorted by qualified name
     * @param contentKeys the content key of every file of the model by qualified name, emitted or not
     */
    public record Written(List<GeneratedFile> files, SortedMap<String, String> contentKeys) {
        public Written {
            files = List.copyOf(files);
            contentKeys = Collections.unmodifiableSortedMap(new TreeMap<>(contentKeys));
        }
    }

    /**
     * The sources of {@code model}.
     *
     * @param version the generator's version, named in every file's {@code @Generated}
     */
    public static List<GeneratedFile> write(ApiModel model, String version) {
        return new Writers(model, version, null, Set.of()).writeAll().files();
    }

    /**
     * The sources of {@code model} with their content keys, leaving out each file whose key is in
     * {@code reusableKeys}: a key covers everything that shapes its file, so an earlier file of the same key has the
     * same bytes.
     *
     * @param version the generator's version, named in every file's {@code @Generated}
     * @param options the options the model was read with, part of every key
     */
    public static Written write(ApiModel model, String version, GeneratorOptions options, Set<String> reusableKeys) {
        return new Writers(model, version, options, reusableKeys).writeAll();
    }

    private Written writeAll() {
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
        for (TypeDecl type : model.types().values()) {
            String qualifiedName = sourceFiles.qualifiedName(type.javaName());
            if (type instanceof TypeDecl.RecordDecl record) {
                List<String> unions = unionsOf.getOrDefault(record.javaName(), List.of());
                boolean builder = builders.hasBuilder(record);
                if (isNew(qualifiedName, keys == null ? null : keys.ofRecord(record, unions, builder))) {
                    files.add(new RecordWriter(types, codecs, sourceFiles, record, unions, builder).write());
                }
            } else if (isNew(qualifiedName, keys == null ? null : keys.ofType(type))) {
                files.add(writeType(type));
            }
        }
        List<OperationSignature> signatures = OperationSignature.of(model, types);
        for (int i = 0; i < signatures.size(); i++) {
            OperationSignature signature = signatures.get(i);
            if (signature.hasRecord()) {
                Operation op = model.operations().get(i);
                String recordName = signature.record().simpleName();
                if (isNew(
                        sourceFiles.qualifiedName(recordName),
                        keys == null ? null : keys.ofParameterRecord(op, recordName))) {
                    files.add(new ParameterRecordWriter(sourceFiles, op, signature).write());
                }
            }
        }
        if (isNew(sourceFiles.qualifiedName(model.clientName()), keys == null ? null : keys.ofClient())) {
            files.add(new ClientWriter(model, types, codecs, sourceFiles, signatures).write());
        }
        files.sort(Comparator.comparing(GeneratedFile::qualifiedName));
        return new Written(files, contentKeys);
    }

    private GeneratedFile writeType(TypeDecl type) {
        if (type instanceof TypeDecl.OneOfDecl oneOf) {
            return new OneOfWriter(types, codecs, sourceFiles, oneOf).write();
        } else if (type instanceof TypeDecl.EnumDecl e) {
            return new EnumWriter(types, codecs, sourceFiles, e).write();
        } else if (type instanceof TypeDecl.ResponseUnionDecl union) {
            return new ResponseUnionWriter(types, sourceFiles, union).write();
        }
        throw new IllegalStateException("no writer for " + type.getClass());
    }

    /** Records the key of a file (when keys are asked for) and says whether the file must be emitted. */
    private boolean isNew(String qualifiedName, String key) {
        if (key == null) {
            return true;
        }
        contentKeys.put(qualifiedName, key);
        return !reusableKeys.contains(key);
    }
}
