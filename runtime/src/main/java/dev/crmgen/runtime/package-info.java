/**
 * The crmgen runtime: what generated HubSpot clients call.
 *
 * <p>{@link dev.crmgen.runtime.ClientOptions} configures credentials, base URL, transport, timeouts, retries and
 * rate limiting; {@link dev.crmgen.runtime.ApiInvoker} sends {@link dev.crmgen.runtime.ApiRequest}s and maps
 * responses through {@link dev.crmgen.runtime.ResponseMapper}s; failures are unchecked
 * {@link dev.crmgen.runtime.ApiException}s, one subclass per kind of failure. Compile-scope dependencies: the
 * JDK and jackson-core only.
 */
package dev.crmgen.runtime;
