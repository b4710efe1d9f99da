package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.json.JsonCodec;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two schemas that refer to each other generate records whose codecs are never null and never deadlock, whichever
 * record's class initialises first and however many threads start at once: each record's property table is built on
 * first use, not while its class initialises.
 */
class CyclicRecordsTest {
    private static final String PACKAGE = "com.acme.cycle";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Cycle, version: '1'}
            paths: {}
            components:
              schemas:
                Company:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                    owner: {$ref: '#/components/schemas/Contact'}
                    stage: {type: string, enum: [lead, customer]}
                Contact:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                    employer: {$ref: '#/components/schemas/Company'}
                    companies: {type: array, items: {$ref: '#/components/schemas/Company'}}
            """;
    private static final String COMPANY = """
            {"id":"c1","stage":"customer","owner":{"id":"p1","employer":{"id":"c2","stage":"partner"},
             "companies":[{"id":"c3","owner":{"id":"p2"}}]}}""";
    private static final String CONTACT = """
            {"id":"p1","employer":{"id":"c1","owner":{"id":"p2","companies":[]}},"companies":[{"id":"c3"}]}""";

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void eitherRecordReadsFirstOnTwoThreadsAtOnceAndNestedValuesRoundTrip(@TempDir Path dir) throws Exception {
        GenerationResult result =
                CrmGenerator.generate(SpecSource.inline("cycle.yaml", SPEC), new GeneratorOptions(PACKAGE, null));
        assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
        Path classes = JavaCompilation.compile(result.files(), dir);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // A fresh class loader each round: the records' classes initialise again, in whichever order the two
            // threads reach them.
            for (int round = 0; round < 20; round++) {
                try (URLClassLoader loader = new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
                    CountDownLatch start = new CountDownLatch(1);
                    // "partner" is a stage the spec does not list: it reads and is written back unchanged.
                    Future<String> company = pool.submit(roundTrip(loader, "Company", COMPANY, start));
                    Future<String> contact = pool.submit(roundTrip(loader, "Contact", CONTACT, start));
                    start.countDown();
                    assertEquals(MAPPER.readTree(COMPANY), MAPPER.readTree(company.get(60, TimeUnit.SECONDS)));
                    assertEquals(MAPPER.readTree(CONTACT), MAPPER.readTree(contact.get(60, TimeUnit.SECONDS)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Decodes {@code json} as the generated {@code record}, once {@code start} opens, and encodes it again. */
    private static Callable<String> roundTrip(ClassLoader loader, String record, String json, CountDownLatch start) {
        return () -> {
            start.await();
            Class<?> type = Class.forName(PACKAGE + "." + record, true, loader);
            @SuppressWarnings("unchecked")
            JsonCodec<Object> codec =
                    (JsonCodec<Object>) type.getMethod("jsonCodec").invoke(null);
            assertNotNull(codec, record);
            Object value = Json.decode(codec, json);
            return new String(Json.encode(codec, value), StandardCharsets.UTF_8);
        };
    }
}
