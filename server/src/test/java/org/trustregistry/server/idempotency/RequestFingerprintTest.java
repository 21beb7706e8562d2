package org.trustregistry.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static String post(String body) {
        return RequestFingerprint.of("POST", "/v2/registries", null, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void member_order_white_space_and_escapes_do_not_matter() {
        assertThat(post("{\"name\":\"A\",\"tags\":[1,2],\"x\":{\"b\":true,\"a\":null}}"))
                .isEqualTo(post(" {\n  \"x\": {\"a\": null, \"b\": true},\n  \"tags\": [ 1, 2 ],\n  \"name\": \"\\u0041\"\n}"));
    }

    @Test
    void any_other_value_is_another_request() {
        String first = post("{\"name\":\"A\",\"tags\":[1,2]}");
        assertThat(post("{\"name\":\"B\",\"tags\":[1,2]}")).isNotEqualTo(first);
        assertThat(post("{\"name\":\"A\",\"tags\":[2,1]}")).as("array order").isNotEqualTo(first);
        assertThat(post("{\"name\":\"A\",\"tags\":[1,2],\"extra\":null}")).as("an added member").isNotEqualTo(first);
        assertThat(post("{\"name\":\"A\",\"tags\":[\"1\",2]}")).as("a string is not a number").isNotEqualTo(first);
    }

    @Test
    void numbers_are_compared_exactly_and_an_integer_is_not_a_fraction() {
        assertThat(post("{\"n\":0.1}")).isNotEqualTo(post("{\"n\":0.10000000000000000001}"));
        assertThat(post("{\"n\":10}")).isNotEqualTo(post("{\"n\":10e0}"));
        assertThat(post("{\"n\":10}")).isNotEqualTo(post("{\"n\":10.0}"));
        assertThat(post("{\"n\":123456789012345678901234567890}"))
                .isNotEqualTo(post("{\"n\":123456789012345678901234567891}"));
    }

    @Test
    void method_path_and_query_are_part_of_the_request() {
        byte[] none = new byte[0];
        String delete = RequestFingerprint.of("DELETE", "/v2/issuers/1/credential-types/2", "reason=a", none);
        assertThat(RequestFingerprint.of("DELETE", "/v2/issuers/1/credential-types/2", "reason=b", none)).isNotEqualTo(delete);
        assertThat(RequestFingerprint.of("DELETE", "/v2/issuers/1/credential-types/2", null, none)).isNotEqualTo(delete);
        assertThat(RequestFingerprint.of("DELETE", "/v2/issuers/1/credential-types/3", "reason=a", none)).isNotEqualTo(delete);
        assertThat(RequestFingerprint.of("POST", "/v2/issuers/1/credential-types/2", "reason=a", none)).isNotEqualTo(delete);
        assertThat(RequestFingerprint.of("DELETE", "/v2/issuers/1/credential-types/2", "reason=a", null)).isEqualTo(delete);
    }

    @Test
    void a_body_that_is_not_json_is_taken_byte_for_byte() {
        assertThat(post("{not json")).isEqualTo(post("{not json")).isNotEqualTo(post("{not  json"));
        assertThat(RequestFingerprint.canonicalJson("{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
