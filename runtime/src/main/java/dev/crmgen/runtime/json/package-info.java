/**
 * Reflection-free JSON on jackson-core's streaming API: {@link dev.crmgen.runtime.json.JsonCodec} per type,
 * built-in codecs in {@link dev.crmgen.runtime.json.JsonCodecs}, whole documents through
 * {@link dev.crmgen.runtime.json.Json}, free-form values as {@link dev.crmgen.runtime.json.JsonValue}. Decoding
 * errors name the JSON path.
 */
package dev.crmgen.runtime.json;
