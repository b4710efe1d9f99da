package dev.crmgen.generator;

import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated code compiled with {@code -Xlint:all -Werror} and loaded, so tests can reflect on it and call it instead
 * of reading its text.
 */
final class CompiledCode implements AutoCloseable {
    private final String packageName;
    private final URLClassLoader loader;

    private CompiledCode(String packageName, URLClassLoader loader) {
        this.packageName = packageName;
        this.loader = loader;
    }

    /** Compiles {@code files} below {@code dir} and loads them; their types are in {@code packageName}. */
    static CompiledCode compile(List<GeneratedFile> files, String packageName, Path dir) {
        Path classes = JavaCompilation.compile(files, dir);
        try {
            return new CompiledCode(
                    packageName,
                    new URLClassLoader(new URL[] {classes.toUri().toURL()}, CompiledCode.class.getClassLoader()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generated type by its simple name ({@code Outer$Inner} for a nested one). */
    Class<?> type(String simpleName) {
        try {
            return loader.loadClass(packageName + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("not generated: " + simpleName, e);
        }
    }

    /** A record's components in declaration order: name → generic type, with package names dropped. */
    Map<String, String> components(String record) {
        RecordComponent[] components = type(record).getRecordComponents();
        if (components == null) {
            throw new AssertionError(record + " is not a record");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            out.put(c.getName(), simpleNames(c.getGenericType().getTypeName()));
        }
        return out;
    }

    /** A type name with every package prefix removed: {@code List<ObjectModel>} for the generic type's name. */
    static String simpleNames(String typeName) {
        return typeName.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }

    /** Creates the generated client {@code clientName} over {@code transport}, without retries. */
    Object client(String clientName, HttpTransport transport) throws ReflectiveOperationException {
        ClientOptions options = ClientOptions.builder()
                .accessToken("test-token-not-a-secret")
                .transport(transport)
                .retryPolicy(RetryPolicy.none())
                .build();
        return type(clientName).getConstructor(ClientOptions.class).newInstance(options);
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    /** A server stand-in that records every request and answers each with the same response. */
    static final class RecordingTransport implements HttpTransport {
        final List<HttpTransport.Request> sent = new ArrayList<>();
        private final int status;
        private final String contentType;
        private final byte[] body;

        RecordingTransport(int status, String contentType, String body) {
            this(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        RecordingTransport(int status, String contentType, byte[] body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }

        @Override
        public HttpTransport.Response send(HttpTransport.Request request) {
            sent.add(request);
            Map<String, List<String>> headers =
                    contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType));
            return new HttpTransport.Response(status, HttpHeaders.of(headers, (a, b) -> true), body);
        }

        HttpTransport.Request only() {
            if (sent.size() != 1) {
                throw new AssertionError("expected one request, got " + sent);
            }
            return sent.get(0);
        }
    }
}
