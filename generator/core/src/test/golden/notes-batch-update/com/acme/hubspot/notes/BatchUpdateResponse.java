package com.acme.hubspot.notes;

import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The success responses of {@code POST /crm/v3/objects/notes/batch/update}, one record per status: check for the partial-failure ones.
 */
@Generated(
        value = "dev.crmgen.generator.CrmGenerator",
        comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml"
)
public sealed interface BatchUpdateResponse permits BatchUpdateResponse.Ok, BatchUpdateResponse.MultiStatus {
    /**
     * The HTTP status.
     */
    int status();

    /**
     * Status 200: successful operation.
     *
     * @param body the response body
     */
    record Ok(BatchResponseSimplePublicObject body) implements BatchUpdateResponse {
        /**
         * @param body the response body
         */
        public Ok {
            Objects.requireNonNull(body, "body");
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
     */
    record MultiStatus(
            BatchResponseSimplePublicObjectWithErrors body) implements BatchUpdateResponse {
        /**
         * @param body the response body
         */
        public MultiStatus {
            Objects.requireNonNull(body, "body");
        }

        @Override
        public int status() {
            return 207;
        }
    }
}
