/**
 * The first step of the pipeline, and the only package that sees Swagger Parser: a spec is loaded
 * ({@code SpecLoader}, {@code SpecText}), parsed ({@code SwaggerAdapter}) and converted into the
 * {@link dev.crmgen.generator.model model} ({@code SchemaConverter}, {@code OperationConverter}), with
 * {@code $ref}s resolved in one place ({@code ComponentRefs}). {@link dev.crmgen.generator.spec.SpecReader} runs
 * these steps.
 */
package dev.crmgen.generator.spec;
