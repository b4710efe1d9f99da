package dev.crmgen.runtime.http;

import dev.crmgen.runtime.ApiRequest;
import dev.crmgen.runtime.json.JsonCodecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A {@code multipart/form-data} body (RFC 7578): text fields and file uploads, encoded once so that retries resend
 * the same bytes. Send it with {@link ApiRequest.Builder#multipartBody(MultipartBody)}.
 */
public final class MultipartBody {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final byte[] bytes;

    private MultipartBody(String boundary, byte[] bytes) {
        this.boundary = boundary;
        this.bytes = bytes;
    }

    /** Starts a body with a random boundary. */
    public static Builder builder() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return new Builder("crmgen-" + HexFormat.of().formatHex(random));
    }

    /** {@code multipart/form-data; boundary=…}. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The encoded body; a copy. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The encoded body, not copied. */
    byte[] encoded() {
        return bytes;
    }

    @Override
    public String toString() {
        return "MultipartBody[" + bytes.length + " bytes]";
    }

    /**
     * A file to upload: its content, the file name sent with it and its media type (default
     * {@code application/octet-stream}). Content is read when the upload is created.
     */
    public static final class Upload {
        private final String fileName;
        private final byte[] content;
        private final String contentType;

        private Upload(String fileName, byte[] content, String contentType) {
            this.fileName = Objects.requireNonNull(fileName, "fileName");
            this.content = Objects.requireNonNull(content, "content");
            this.contentType = Objects.requireNonNull(contentType, "contentType");
        }

        /**
         * The file's bytes, under its own file name.
         *
         * @throws UncheckedIOException when the file cannot be read
         */
        public static Upload of(Path file) {
            Objects.requireNonNull(file, "file");
            try {
                Path name = file.getFileName();
                return new Upload(
                        name == null ? "file" : name.toString(), Files.readAllBytes(file), "application/octet-stream");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " to upload it", e);
            }
        }

        /** The given bytes (copied) under {@code fileName}. */
        public static Upload of(String fileName, byte[] content) {
            return new Upload(
                    fileName, Objects.requireNonNull(content, "content").clone(), "application/octet-stream");
        }

        /**
         * The stream's remaining bytes under {@code fileName}; the stream is read to its end now, not closed.
         *
         * @throws UncheckedIOException when the stream cannot be read
         */
        public static Upload of(String fileName, InputStream content) {
            Objects.requireNonNull(content, "content");
            try {
                return new Upload(fileName, content.readAllBytes(), "application/octet-stream");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the content of " + fileName + " to upload it", e);
            }
        }

        /** The same upload with another media type, such as {@code text/csv}. */
        public Upload withContentType(String contentType) {
            return new Upload(fileName, content, contentType);
        }

        public String fileName() {
            return fileName;
        }

        public String contentType() {
            return contentType;
        }

        /** The number of bytes uploaded. */
        public int size() {
            return content.length;
        }

        @Override
        public String toString() {
            return "Upload[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
        }
    }

    /** Builds a {@link MultipartBody}; parts are written in the order added. */
    public static final class Builder {
        private String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private Builder(String boundary) {
            this.boundary = boundary;
        }

        /** Uses {@code boundary} instead of a random one, for reproducible bytes. */
        public Builder boundary(String boundary) {
            Objects.requireNonNull(boundary, "boundary");
            if (boundary.isEmpty()
                    || boundary.length() > 70
                    || !boundary.chars().allMatch(Builder::isBoundaryChar)) {
                throw new IllegalArgumentException(
                        "a boundary is 1 to 70 letters, digits or '-_.', got '" + boundary + "'");
            }
            if (out.size() > 0) {
                throw new IllegalStateException("set the boundary before adding parts");
            }
            this.boundary = boundary;
            return this;
        }

        private static boolean isBoundaryChar(int c) {
            return (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.';
        }

        /**
         * A text field holding the value's text ({@code toString()}, date-times in RFC 3339); null is left out.
         */
        public Builder text(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (value != null) {
                String text = value instanceof OffsetDateTime t ? JsonCodecs.formatDateTime(t) : value.toString();
                part(
                        "form-data; name=\"" + quoted(name) + "\"",
                        "text/plain; charset=UTF-8",
                        text.getBytes(StandardCharsets.UTF_8));
            }
            return this;
        }

        /** A file field; null is left out. */
        public Builder file(String name, Upload upload) {
            Objects.requireNonNull(name, "name");
            if (upload != null) {
                part(
                        "form-data; name=\"" + quoted(name) + "\"; filename=\"" + quoted(upload.fileName) + "\"",
                        upload.contentType,
                        upload.content);
            }
            return this;
        }

        private void part(String disposition, String contentType, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: " + contentType
                    + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
        }

        /** Quotes and line breaks in names are percent-encoded, as browsers do (HTML's form-data encoding). */
        private static String quoted(String s) {
            return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        /** The body with the parts added so far. */
        public MultipartBody build() {
            byte[] parts = out.toByteArray();
            byte[] end = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = Arrays.copyOf(parts, parts.length + end.length);
            System.arraycopy(end, 0, body, parts.length, end.length);
            return new MultipartBody(boundary, body);
        }
    }
}
