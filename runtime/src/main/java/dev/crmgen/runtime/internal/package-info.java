/**
 * Not API: the runtime's own machinery (shared executor, token scrubbing, per-token limiter registry, daily-limit
 * gate, listener delivery, error mapping, logger). Its types are public only so that other runtime packages can
 * reach them; they may change or disappear in any release, so applications and generated code must not use them.
 */
package dev.crmgen.runtime.internal;
