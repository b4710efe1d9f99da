/**
 * HubSpot's conventions, in one place: what a batch operation is, how its operation ids name actions, which calls are
 * safe to repeat, and how its list endpoints and CRM searches page. Reads paths, ids and the model; never Swagger
 * Parser types.
 */
package dev.crmgen.generator.hubspot;
