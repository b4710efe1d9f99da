package dev.crmgen.runtime.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.ApiRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartBodyTest {
    @Test
    void textAndFilePartsAreEncodedInOrderPerRfc7578(@TempDir Path dir) throws IOException {
        Path csv =
                Files.write(dir.resolve("contacts.csv"), "email\nann@example.com\n".getBytes(StandardCharsets.UTF_8));
        MultipartBody body = MultipartBody.builder()
                .boundary("b0undary")
                .text("folderPath", "/imports")
                .text("skipped", null)
                .file("file", MultipartBody.Upload.of(csv).withContentType("text/csv"))
                .file("none", null)
                .build();

        assertEquals("multipart/form-data; boundary=b0undary", body.contentType());
        assertEquals("""
                --b0undary\r
                Content-Disposition: form-data; name="folderPath"\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                /imports\r
                --b0undary\r
                Content-Disposition: form-data; name="file"; filename="contacts.csv"\r
                Content-Type: text/csv\r
                \r
                email
                ann@example.com
                \r
                --b0undary--\r
                """, new String(body.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void bytesAndStreamsUploadTheSameContentAsAFile() {
        byte[] content = {0, 1, 2, (byte) 0xFF};
        MultipartBody fromBytes = MultipartBody.builder()
                .boundary("x")
                .file("f", MultipartBody.Upload.of("a.bin", content))
                .build();
        MultipartBody fromStream = MultipartBody.builder()
                .boundary("x")
                .file("f", MultipartBody.Upload.of("a.bin", new ByteArrayInputStream(content)))
                .build();
        assertArrayEquals(fromBytes.toByteArray(), fromStream.toByteArray());
        content[0] = 9; // the upload keeps its own copy
        assertArrayEquals(
                fromBytes.toByteArray(),
                MultipartBody.builder()
                        .boundary("x")
                        .file("f", MultipartBody.Upload.of("a.bin", new byte[] {0, 1, 2, (byte) 0xFF}))
                        .build()
                        .toByteArray());
    }

    @Test
    void quotesAndLineBreaksInNamesCannotBreakTheHeader() {
        String encoded = new String(
                MultipartBody.builder()
                        .boundary("x")
                        .file("a\"b", MultipartBody.Upload.of("evil\"\r\nX-Injected: 1.txt", new byte[0]))
                        .build()
                        .toByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(encoded.contains("name=\"a%22b\"; filename=\"evil%22%0D%0AX-Injected: 1.txt\""), encoded);
    }

    @Test
    void randomBoundariesDifferAndBadOnesAreRejected() {
        assertNotEquals(
                MultipartBody.builder().build().contentType(),
                MultipartBody.builder().build().contentType());
        assertThrows(
                IllegalArgumentException.class, () -> MultipartBody.builder().boundary("has space"));
        assertThrows(
                IllegalStateException.class,
                () -> MultipartBody.builder().text("a", "b").boundary("late"));
        assertThrows(UncheckedIOException.class, () -> MultipartBody.Upload.of(Path.of("no-such-file.bin")));
    }

    @Test
    void apiRequestSendsTheEncodedBodyWithItsContentType() {
        MultipartBody body = MultipartBody.builder().text("config", "{}").build();
        ApiRequest request = ApiRequest.builder("POST", "/cms/v3/hubdb/tables/{table}/draft/import")
                .pathParam("table", "t1")
                .multipartBody(body)
                .build();
        assertEquals(body.contentType(), request.contentType());
        assertArrayEquals(body.toByteArray(), request.body());
        assertEquals(false, request.retrySafe());
    }
}
