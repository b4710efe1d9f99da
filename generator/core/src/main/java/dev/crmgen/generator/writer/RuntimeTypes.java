package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types generated code calls (crmgen-runtime), and jackson-core's; referenced by name so the generator does
 * not need the runtime on its class path.
 */
final class RuntimeTypes {
    static final String PACKAGE = "dev.crmgen.runtime";
    static final ClassName JSON_CODEC = ClassName.get(PACKAGE + ".json", "JsonCodec");
    static final ClassName JSON_CODECS = ClassName.get(PACKAGE + ".json", "JsonCodecs");
    static final ClassName RECORD_COLLECTIONS = ClassName.get(PACKAGE + ".json", "RecordCollections");
    static final ClassName RECORD_CODEC = ClassName.get(PACKAGE + ".json", "RecordCodec");
    static final ClassName RECORD_PROPERTY = ClassName.get(PACKAGE + ".json", "RecordProperty");
    static final ClassName RECORD_COMPONENTS = ClassName.get(PACKAGE + ".json", "RecordComponents");
    static final ClassName JSON_DEVIATION = ClassName.get(PACKAGE + ".json", "JsonDeviation");
    static final ClassName JSON_VALUE = ClassName.get(PACKAGE + ".json", "JsonValue");
    static final ClassName OPEN_ENUM = ClassName.get(PACKAGE + ".json", "OpenEnum");
    static final ClassName OPEN_ENUM_VALUES = OPEN_ENUM.nestedClass("Values");
    static final ClassName JSON = ClassName.get(PACKAGE + ".json", "Json");
    static final ClassName API_INVOKER = ClassName.get(PACKAGE, "ApiInvoker");
    static final ClassName API_REQUEST = ClassName.get(PACKAGE, "ApiRequest");
    static final ClassName REQUEST_OPTIONS = ClassName.get(PACKAGE, "RequestOptions");
    static final ClassName RESPONSE_MAPPER = ClassName.get(PACKAGE, "ResponseMapper");
    static final ClassName MULTIPART_BODY = ClassName.get(PACKAGE + ".http", "MultipartBody");
    static final ClassName UPLOAD = ClassName.get(PACKAGE + ".http", "MultipartBody", "Upload");
    static final ClassName CLIENT_OPTIONS = ClassName.get(PACKAGE, "ClientOptions");
    static final ClassName BATCH_EXECUTOR = ClassName.get(PACKAGE + ".batch", "BatchExecutor");
    static final ClassName BATCH_CALL = ClassName.get(PACKAGE + ".batch", "BatchCall");
    static final ClassName BATCH_RESPONSE = ClassName.get(PACKAGE + ".batch", "BatchResponse");
    static final ClassName BATCH_ERROR = ClassName.get(PACKAGE + ".batch", "BatchError");
    static final ClassName BATCH_KEYS = ClassName.get(PACKAGE + ".batch", "BatchKeys");
    static final ClassName BATCH_OPTIONS = ClassName.get(PACKAGE + ".batch", "BatchOptions");
    static final ClassName BATCH_REPORT = ClassName.get(PACKAGE + ".batch", "BatchReport");
    static final ClassName BATCH_LISTENER = ClassName.get(PACKAGE + ".batch", "BatchListener");
    static final ClassName BATCH_STREAM_SUMMARY = ClassName.get(PACKAGE + ".batch", "BatchStreamSummary");

    static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
    static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
    static final ClassName SERIALIZED_STRING = ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");

    private RuntimeTypes() {}
}
