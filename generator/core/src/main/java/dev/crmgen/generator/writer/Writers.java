package dev.crmgen.generator.writer;

import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.TypeDecl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a model into Java sources: one file per generated type plus the client, sorted by qualified name. */
public final class Writers {
    private Writers() {}

    public static List<GeneratedFile> write(ApiModel model, String version) {
        Poet poet = new Poet(model, version);
        // A record implements every oneOf interface it is a member of.
        Map<String, List<String>> unionsOf = new HashMap<>();
        for (TypeDecl type : model.types().values()) {
            if (type instanceof TypeDecl.OneOfDecl oneOf) {
                oneOf.members().forEach(m -> unionsOf.computeIfAbsent(m.javaName(), k -> new ArrayList<>()).add(oneOf.javaName()));
            }
        }
        List<GeneratedFile> files = new ArrayList<>();
        for (TypeDecl type : model.types().values()) {
            if (type instanceof TypeDecl.RecordDecl record) {
                files.add(new RecordWriter(poet, record, unionsOf.getOrDefault(record.javaName(), List.of())).write());
            } else if (type instanceof TypeDecl.OneOfDecl oneOf) {
                files.add(new OneOfWriter(poet, oneOf).write());
            } else if (type instanceof TypeDecl.EnumDecl e) {
                files.add(new EnumWriter(poet, e).write());
            } else if (type instanceof TypeDecl.ResponseUnionDecl union) {
                files.add(new UnionWriter(poet, union).write());
            }
        }
        files.add(new ClientWriter(poet).write());
        files.sort(Comparator.comparing(GeneratedFile::qualifiedName));
        return files;
    }
}
