/**
 * An in-process HubSpot notes API for tests, demos and benchmarks: start one with {@link NotesSandbox#builder()}.
 *
 * <p>A request goes through {@code SandboxServer} (the JDK HTTP server on loopback) to {@code RequestHandler} (route,
 * bearer token, limits, faults, answer), then {@code NotesRoutes} (which endpoint) to {@code NotesApi} (the batch
 * endpoints: {@code BatchInputs} reads a body, {@code PropertyChecks} validates it, {@code BatchResponses} writes the
 * answer) or {@code NotesQueries} (list and search), both over the {@code NoteStore}. {@code RateLimits} applies the
 * token's rolling window, its {@code DailyBudget} and the search limit; {@code FaultInjector} plays the
 * {@link Faults}; the {@link Ledger} records what was applied.
 */
package dev.crmgen.sandbox;
