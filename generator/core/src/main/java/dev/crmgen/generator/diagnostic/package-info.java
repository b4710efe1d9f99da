/**
 * What the generator reports: {@link dev.crmgen.generator.diagnostic.Diagnostic} (with the input at fault, so a front
 * door can point at the setting that holds it), {@link dev.crmgen.generator.diagnostic.Problems}, which collects them
 * for one spec, and the stable {@link dev.crmgen.generator.diagnostic.Tags} of the generator and both front doors.
 */
package dev.crmgen.generator.diagnostic;
