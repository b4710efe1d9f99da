/**
 * HubSpot batch operations over any number of inputs: {@link dev.crmgen.runtime.batch.BatchExecutor} chunks,
 * runs and retries them and returns a {@link dev.crmgen.runtime.batch.BatchReport} in which every input appears
 * exactly once.
 */
package dev.crmgen.runtime.batch;
