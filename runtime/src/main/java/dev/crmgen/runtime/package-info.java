/**
 * The crmgen runtime's front door: what generated HubSpot clients and their users start from.
 * {@link dev.crmgen.runtime.ClientOptions} configures credentials, base URL, transport, timeouts, retries and rate
 * limiting; {@link dev.crmgen.runtime.ApiInvoker} sends {@link dev.crmgen.runtime.ApiRequest}s and maps responses
 * through {@link dev.crmgen.runtime.ResponseMapper}s; failures are unchecked
 * {@link dev.crmgen.runtime.error.ApiException}s. The concerns live in subpackages ({@code http}, {@code auth},
 * {@code error}, {@code ratelimit}, {@code observe}, {@code json}, {@code batch}, {@code webhook}); {@code internal}
 * is not API. Compile-scope dependencies: the JDK and jackson-core only.
 */
package dev.crmgen.runtime;
