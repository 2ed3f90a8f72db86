package io.cellfloor.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class OpenApiTest {
    @Test
    void shouldDocumentEveryRegisteredRoute() throws Exception {
        final JsonNode doc;
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/openapi.json")) {
            doc = new ObjectMapper().readTree(in);
        }

        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(QueryServer.routes()).hasSizeGreaterThanOrEqualTo(11);
        for (final String route : QueryServer.routes()) {
            assertThat(doc.path("paths").has(route)).as("%s is in /openapi.json", route).isTrue();
            assertThat(doc.path("paths").path(route).has("get")).as("GET %s", route).isTrue();
        }
        assertThat(doc.path("paths").size()).as("nothing documented that is not served")
                .isEqualTo(QueryServer.routes().size());
    }
}
