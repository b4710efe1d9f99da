/**
 * Transport: how a request reaches HubSpot and a response comes back. {@link dev.crmgen.runtime.http.HttpTransport}
 * is the one interface the invoker sends through (its default, {@link dev.crmgen.runtime.http.JdkHttpTransport}, is
 * {@code java.net.http}); {@link dev.crmgen.runtime.http.RequestBody} holds a request body, in pooled segments that
 * the JDK client sends as they are; {@link dev.crmgen.runtime.http.MultipartBody} encodes file uploads. Knows
 * nothing of retries, limits or JSON codecs.
 */
package dev.crmgen.runtime.http;
