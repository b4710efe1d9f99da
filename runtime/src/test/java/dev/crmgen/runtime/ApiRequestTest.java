package dev.crmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiRequestTest {
    @Test
    void dateTimeParametersAreSentInRfc3339WithSeconds() {
        OffsetDateTime onTheMinute = OffsetDateTime.parse("2024-05-02T09:30+02:00");
        OffsetDateTime withMillis = OffsetDateTime.parse("2019-10-30T03:30:17.883Z");
        ApiRequest request = ApiRequest.builder("GET", "/cms/v3/blogs/posts/{since}")
                .pathParam("since", onTheMinute)
                .queryParam("updatedAfter", onTheMinute)
                .queryParam("createdAt", List.of(withMillis, onTheMinute))
                .header("X-Since", onTheMinute)
                .build();

        assertEquals("/cms/v3/blogs/posts/2024-05-02T09%3A30%3A00%2B02%3A00", request.path());
        assertEquals(
                "updatedAfter=2024-05-02T09%3A30%3A00%2B02%3A00&createdAt=2019-10-30T03%3A30%3A17.883Z"
                        + "&createdAt=2024-05-02T09%3A30%3A00%2B02%3A00",
                request.query());
        assertEquals("2024-05-02T09:30:00+02:00", request.headers().get("X-Since"));
    }
}
