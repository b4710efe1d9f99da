package dev.crmgen.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the crmgen annotation processor ({@code crmgen-processor}) to generate records, JSON codecs and a typed
 * client from an OpenAPI spec.
 *
 * <pre>{@code
 * @GenerateClient(spec = "notes-batch-update.yaml", packageName = "com.acme.hubspot.notes")
 * package com.acme.hubspot;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface GenerateClient {
    /**
     * The spec: a file path (absolute, or relative to the processor option {@code crmgen.specRoot}, which defaults
     * to the project directory) or, when no such file exists, a class-path resource on the processor path (for
     * example from the {@code crmgen-spec} jar).
     */
    String spec();

    /** The package of the generated code. */
    String packageName();

    /** The client's simple class name; by default derived from the spec's {@code info.title} ("Notes" gives {@code NotesClient}). */
    String clientName() default "";
}
