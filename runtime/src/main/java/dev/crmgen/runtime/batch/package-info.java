/**
 * HubSpot batch operations over any number of inputs: {@link dev.crmgen.runtime.batch.BatchExecutor} plans them into
 * chunks and rounds, runs and retries them, matches each response back to its inputs and returns a
 * {@link dev.crmgen.runtime.batch.BatchReport} in which every input appears exactly once. It sends through whatever
 * call the generated client gives it, so it depends on errors and tickers, not on the invoker.
 */
package dev.crmgen.runtime.batch;
