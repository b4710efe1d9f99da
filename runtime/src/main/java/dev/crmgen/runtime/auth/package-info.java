/**
 * Credentials: {@link dev.crmgen.runtime.auth.AccessTokenProvider} supplies the bearer token for each attempt (and a
 * fresh one after a 401); {@link dev.crmgen.runtime.auth.StaticToken} is the fixed private-app token. No token ever
 * appears in a {@code toString()}.
 */
package dev.crmgen.runtime.auth;
