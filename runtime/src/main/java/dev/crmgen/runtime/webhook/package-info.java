/**
 * Webhooks: checking that requests to your endpoints come from HubSpot, with
 * {@link dev.crmgen.runtime.webhook.WebhookSignatures} (v1, v2 and v3 signatures, with v3's timestamp window).
 */
package dev.crmgen.runtime.webhook;
