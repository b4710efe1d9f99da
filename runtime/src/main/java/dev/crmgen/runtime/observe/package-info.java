/**
 * Observation: {@link dev.crmgen.runtime.observe.CallListener} receives one event per attempt and one per call, for
 * metrics and traces, without wrapping the transport; a failing listener never fails the call.
 */
package dev.crmgen.runtime.observe;
