package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonDeviation;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The success responses of {@code POST /crm/v3/objects/notes/batch/update}, one record per status: check for the
 * partial-failure ones.
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public sealed interface BatchUpdateResponse permits BatchUpdateResponse.Ok, BatchUpdateResponse.MultiStatus {
    /** The HTTP status. */
    int status();

    /**
     * Where the body departed from the spec and was read anyway (path, expected, found, raw value); empty when it
     * matched, and always for a client with strict responses.
     */
    List<JsonDeviation> deviations();

    /**
     * Status 200: successful operation.
     *
     * @param body the response body
     * @param deviations where the body departed from the spec; empty when it matched
     */
    record Ok(BatchResponseSimplePublicObject body,
            List<JsonDeviation> deviations) implements BatchUpdateResponse {
        public Ok {
            Objects.requireNonNull(body, "body");
            deviations = List.copyOf(deviations);
        }

        /**
         * A response whose body matched the spec.
         *
         * @param body the response body
         */
        public Ok(BatchResponseSimplePublicObject body) {
            this(body, List.of());
        }

        @Override
        public int status() {
            return 200;
        }
    }

    /**
     * Status 207: multiple statuses.
     *
     * @param body the response body
     * @param deviations where the body departed from the spec; empty when it matched
     */
    record MultiStatus(BatchResponseSimplePublicObjectWithErrors body,
            List<JsonDeviation> deviations) implements BatchUpdateResponse {
        public MultiStatus {
            Objects.requireNonNull(body, "body");
            deviations = List.copyOf(deviations);
        }

        /**
         * A response whose body matched the spec.
         *
         * @param body the response body
         */
        public MultiStatus(BatchResponseSimplePublicObjectWithErrors body) {
            this(body, List.of());
        }

        @Override
        public int status() {
            return 207;
        }
    }
}
