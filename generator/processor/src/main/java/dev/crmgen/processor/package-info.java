/**
 * The crmgen annotation processor. A consumer writes
 *
 * <pre>{@code
 * @GenerateClient(spec = "notes-batch-update.yaml", packageName = "com.acme.hubspot.notes")
 * package com.acme.hubspot;
 * }</pre>
 *
 * <p>with {@code crmgen-runtime} on the compile class path and {@code crmgen-processor} in the compiler's
 * {@code annotationProcessorPaths}. The spec is looked up, in order:
 * <ol>
 *   <li>as an absolute file path;
 *   <li>as a file relative to the processor option {@code -Acrmgen.specRoot=<dir>} when it is set; otherwise relative
 *       to the project directory (the folder holding {@code target/} or {@code build/} where classes are compiled to,
 *       else the working directory) and to its {@code src/main/resources};
 *   <li>as a class-path resource on the processor path, so a jar such as {@code crmgen-spec} listed in
 *       {@code annotationProcessorPaths} supplies it.
 * </ol>
 *
 * <p>Problems are compiler errors tagged like {@code [CrmgenUnresolvedRef]}, on the annotation attribute at fault, naming
 * the spec and the JSON pointer; a spec with errors generates nothing. The processor is aggregating for Gradle.
 */
package dev.crmgen.processor;
