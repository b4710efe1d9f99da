/** Checking that requests to your endpoints come from HubSpot: {@link dev.crmgen.runtime.webhook.WebhookSignatures}. */
package dev.crmgen.runtime.webhook;
