package dev.crmgen.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays one recorded HubSpot exchange: WireMock on loopback serves the stub mappings under
 * {@code src/test/resources/recordings/<name>/mappings/}, and the test method receives a {@link RecordedHubSpot}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RecordingExtension.class)
public @interface Recording {
    /** The recording's directory name under {@code recordings/}. */
    String value();
}
