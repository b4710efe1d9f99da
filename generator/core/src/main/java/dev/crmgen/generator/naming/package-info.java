/**
 * Every naming decision of the generator: Java identifiers from spec names, collisions, the member names generated
 * code reserves for itself, client method names, builder adders and union names. Both the spec reader and the writers
 * take their names from here.
 */
package dev.crmgen.generator.naming;
