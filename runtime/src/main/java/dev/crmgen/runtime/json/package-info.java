/**
 * Reflection-free JSON on jackson-core's streaming API: {@link dev.crmgen.runtime.json.JsonCodec} per type,
 * built-in codecs in {@link dev.crmgen.runtime.json.JsonCodecs}, whole documents through
 * {@link dev.crmgen.runtime.json.Json}, free-form values as {@link dev.crmgen.runtime.json.JsonValue}. Decoding
 * errors name the JSON path; a tolerant decode reads past departures from the codec and reports each as a
 * {@link dev.crmgen.runtime.json.JsonDeviation}.
 */
package dev.crmgen.runtime.json;
