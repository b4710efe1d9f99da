package com.acme.hubspot.notes;

import dev.crmgen.runtime.ApiInvoker;
import dev.crmgen.runtime.ApiRequest;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.RequestOptions;
import dev.crmgen.runtime.ResponseMapper;
import dev.crmgen.runtime.batch.BatchCall;
import dev.crmgen.runtime.batch.BatchError;
import dev.crmgen.runtime.batch.BatchKeys;
import dev.crmgen.runtime.batch.BatchListener;
import dev.crmgen.runtime.batch.BatchOptions;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.runtime.batch.BatchResponse;
import dev.crmgen.runtime.batch.BatchStreamSummary;
import dev.crmgen.runtime.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The Notes API.
 *
 * <p>Batch update of CRM notes, as published in HubSpot's Notes API (v3): update several notes in one request by
 * internal ID or by the value of a unique property.
 *
 * <p>Create one with {@code new NotesClient(ClientOptions.fromEnvironment())}; it is thread-safe.
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public final class NotesClient {
    private static final ResponseMapper<BatchUpdateResponse> BATCH_UPDATE_RESPONSE =
            ResponseMapper.<BatchUpdateResponse>builder()
            .<BatchResponseSimplePublicObject>jsonWithDeviations(200,
                    BatchResponseSimplePublicObject.jsonCodec(), BatchUpdateResponse.Ok::new)
            .<BatchResponseSimplePublicObjectWithErrors>jsonWithDeviations(207,
                    BatchResponseSimplePublicObjectWithErrors.jsonCodec(),
                    BatchUpdateResponse.MultiStatus::new)
            .build();

    private static final BatchKeys<SimplePublicObjectBatchInput, SimplePublicObject> BATCH_UPDATE_KEYS =
            BatchKeys.<SimplePublicObjectBatchInput, SimplePublicObject>builder()
            .inputId(SimplePublicObjectBatchInput::id)
            .inputIdProperty(SimplePublicObjectBatchInput::idProperty)
            .inputTraceId(SimplePublicObjectBatchInput::objectWriteTraceId)
            .resultId(SimplePublicObject::id)
            .resultTraceId(SimplePublicObject::objectWriteTraceId)
            .inputWithTraceId((input, traceId) -> new SimplePublicObjectBatchInput(input.id(),
                    input.idProperty(), traceId, input.properties()))
            .resultProperties(SimplePublicObject::properties)
            .build();

    private final ApiInvoker invoker;

    /** A client with its own {@code ApiInvoker} built from {@code options}. */
    public NotesClient(ClientOptions options) {
        this(ApiInvoker.create(options));
    }

    /**
     * A client over {@code invoker}, which carries the base URL, authentication, retries and rate limits; clients of
     * several APIs may share one.
     */
    public NotesClient(ApiInvoker invoker) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
    }

    /**
     * Update a batch of notes by internal ID, or unique property values
     *
     * <p>Update multiple notes using their internal IDs or unique property values. This operation allows you to modify
     * the properties of several notes in a single request, streamlining the process of managing note data in bulk.
     *
     * <p>{@code POST /crm/v3/objects/notes/batch/update}
     *
     * @param body the request body
     * @return one record per success status; check for the partial-failure ones
     */
    public BatchUpdateResponse batchUpdate(BatchInputSimplePublicObjectBatchInput body) {
        return invoker.invoke(batchUpdateRequest(body), BATCH_UPDATE_RESPONSE);
    }

    /**
     * As {@link #batchUpdate(BatchInputSimplePublicObjectBatchInput)}, with {@code requestOptions} for this call only.
     */
    public BatchUpdateResponse batchUpdate(BatchInputSimplePublicObjectBatchInput body,
            RequestOptions requestOptions) {
        return invoker.invoke(batchUpdateRequest(body), BATCH_UPDATE_RESPONSE, requestOptions);
    }

    /**
     * Asynchronous {@link #batchUpdate(BatchInputSimplePublicObjectBatchInput)}: its future completes as that method
     * returns or throws.
     */
    public CompletableFuture<BatchUpdateResponse> batchUpdateAsync(
            BatchInputSimplePublicObjectBatchInput body) {
        return invoker.invokeAsync(batchUpdateRequest(body), BATCH_UPDATE_RESPONSE);
    }

    /**
     * As {@link #batchUpdateAsync(BatchInputSimplePublicObjectBatchInput)}, with {@code requestOptions} for this call
     * only.
     */
    public CompletableFuture<BatchUpdateResponse> batchUpdateAsync(
            BatchInputSimplePublicObjectBatchInput body, RequestOptions requestOptions) {
        return invoker.invokeAsync(batchUpdateRequest(body), BATCH_UPDATE_RESPONSE, requestOptions);
    }

    private static ApiRequest batchUpdateRequest(BatchInputSimplePublicObjectBatchInput body) {
        return ApiRequest.builder("POST", "/crm/v3/objects/notes/batch/update")
                .operationId("post-/crm/v3/objects/notes/batch/update_update")
                .jsonBody(body, BatchInputSimplePublicObjectBatchInput.jsonCodec())
                .retrySafe(true)
                .build();
    }

    private static BatchCall<SimplePublicObjectBatchInput, SimplePublicObject> batchUpdateCall(
            NotesClient client, RequestOptions requestOptions) {
        return chunk -> batchUpdateBatchResponse(
                client.batchUpdate(new BatchInputSimplePublicObjectBatchInput(chunk),
                requestOptions));
    }

    /** As {@link #batchUpdateAll(Collection, BatchOptions)} with the runtime's default batch options. */
    public BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> batchUpdateAll(
            Collection<SimplePublicObjectBatchInput> inputs) {
        return batchUpdateAll(inputs, BatchOptions.builder().retrySafe(true).build());
    }

    /**
     * Sends any number of inputs through {@code batchUpdate} in chunks as {@code options} say and reports every input
     * as succeeded, failed or unconfirmed.
     *
     * <p>{@code POST /crm/v3/objects/notes/batch/update}
     *
     * @param inputs the inputs, any number; each is reported exactly once
     * @param options chunk size, concurrency, resends and the run's deadline
     * @return every input once: succeeded with its result, failed with its error, or unconfirmed
     */
    public BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> batchUpdateAll(
            Collection<SimplePublicObjectBatchInput> inputs, BatchOptions options) {
        return invoker.batchExecutor().execute(inputs, batchUpdateCall(this, RequestOptions.none()),
                BATCH_UPDATE_KEYS, options);
    }

    /** As {@link #batchUpdateAll(Collection, BatchOptions)}, with {@code requestOptions} for this call only. */
    public BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> batchUpdateAll(
            Collection<SimplePublicObjectBatchInput> inputs, BatchOptions options,
            RequestOptions requestOptions) {
        return invoker.batchExecutor().execute(inputs, batchUpdateCall(this, requestOptions),
                BATCH_UPDATE_KEYS, options);
    }

    /**
     * Sends inputs as {@code inputs} yields them through {@code batchUpdate} in chunks as {@code options} say, holding
     * at most a window of them, and hands every input's outcome to {@code listener} as soon as it is final.
     *
     * <p>{@code POST /crm/v3/objects/notes/batch/update}
     *
     * @param inputs the inputs, taken as the window has room; each is reported exactly once
     * @param options chunk size, concurrency, resends and the run's deadline
     * @param listener hears each input's outcome as soon as it is final
     * @return what the run did; the outcomes went to {@code listener}
     */
    public BatchStreamSummary batchUpdateAll(
            Iterator<? extends SimplePublicObjectBatchInput> inputs, BatchOptions options,
            BatchListener<SimplePublicObjectBatchInput, SimplePublicObject> listener) {
        return invoker.batchExecutor().execute(inputs, batchUpdateCall(this, RequestOptions.none()),
                BATCH_UPDATE_KEYS, options, listener);
    }

    /**
     * As {@link #batchUpdateAll(Iterator, BatchOptions, BatchListener)}, with {@code requestOptions} for this call
     * only.
     */
    public BatchStreamSummary batchUpdateAll(
            Iterator<? extends SimplePublicObjectBatchInput> inputs, BatchOptions options,
            BatchListener<SimplePublicObjectBatchInput, SimplePublicObject> listener,
            RequestOptions requestOptions) {
        return invoker.batchExecutor().execute(inputs, batchUpdateCall(this, requestOptions),
                BATCH_UPDATE_KEYS, options, listener);
    }

    private static BatchResponse<SimplePublicObject> batchUpdateBatchResponse(
            BatchUpdateResponse response) {
        if (response instanceof BatchUpdateResponse.Ok ok) {
            return new BatchResponse<SimplePublicObject>(ok.body().results(), List.of());
        }
        if (response instanceof BatchUpdateResponse.MultiStatus multiStatus) {
            return new BatchResponse<SimplePublicObject>(multiStatus.body().results(),
                    toBatchErrors(multiStatus.body().errors()));
        }
        throw new IllegalStateException("unexpected response " + response);
    }

    private static List<BatchError> toBatchErrors(List<StandardError> errors) {
        if (errors == null) {
            return List.of();
        }
        List<BatchError> out = new ArrayList<BatchError>(errors.size());
        for (StandardError error : errors) {
            out.add(new BatchError(error.status(), error.category(),
                    error.subCategory() instanceof JsonValue.JsonString s ? s.value() : null,
                    error.message(), error.context(), error.id(), error));
        }
        return out;
    }
}
