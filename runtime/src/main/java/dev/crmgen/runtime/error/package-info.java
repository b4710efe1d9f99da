/**
 * Typed failures: {@link dev.crmgen.runtime.error.ApiException} and one subclass per kind of failure (HTTP status,
 * rate and daily limits, transport, undecodable success), each keeping the status, correlation id and raw body, with
 * HubSpot's error body parsed as {@link dev.crmgen.runtime.error.HubSpotError}. Messages never contain the token.
 */
package dev.crmgen.runtime.error;
