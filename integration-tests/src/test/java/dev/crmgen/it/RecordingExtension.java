package dev.crmgen.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts the WireMock server of a {@link Recording} for one test method and stops it afterwards. */
final class RecordingExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RecordingExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RecordedHubSpot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Recording recording = context.getRequiredTestMethod().getAnnotation(Recording.class);
        if (recording == null) {
            throw new ParameterResolutionException(
                    context.getRequiredTestMethod() + " takes a RecordedHubSpot but has no @Recording");
        }
        // The store closes AutoCloseable values when the test method ends, stopping the server.
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(recording.value(), RecordedHubSpot::replay, RecordedHubSpot.class);
    }
}
