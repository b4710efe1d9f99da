/**
 * Micrometer metrics for crmgen clients: {@link dev.crmgen.micrometer.MicrometerCallListener}, a
 * {@link dev.crmgen.runtime.observe.CallListener} to pass to {@code ClientOptions.Builder.listener}.
 */
package dev.crmgen.micrometer;
