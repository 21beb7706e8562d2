package org.trustregistry.server.edge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.trustregistry.shared.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pass over every JSON request body before it is bound, whatever it is bound to (records, free-form
 * maps such as {@code metadata} and {@code jsonSchema}, the {@code JsonNode} bodies of TRQP and
 * {@code /v2/query}): the bytes are valid UTF-8, the text is one JSON value, every string and member name
 * is valid {@link Text} (no NUL, no C0 control but tab and line breaks, no unpaired surrogate), no object
 * repeats a member, and nesting stays within {@link #MAX_DEPTH}. Where the binding reads decimals as
 * doubles, numbers must also be finite ({@code 1e999} would become Infinity, which neither the event
 * store's JSON nor jsonb can hold); read as BigDecimal they stay exact. A refusal is a 400 before any
 * command is sent.
 */
@ControllerAdvice
class JsonBodyScreen extends RequestBodyAdviceAdapter {

    /**
     * A bound for any body, far below what Jackson 2 (Axon) reads back; deeper than any JSON Schema or
     * metadata we have seen. Free JSON that is stored may have a tighter bound of its own.
     */
    static final int MAX_DEPTH = 100;

    private final JsonMapper json;
    private final boolean decimalsAsDoubles;

    JsonBodyScreen(JsonMapper json) {
        this.json = json;
        this.decimalsAsDoubles = !json.deserializationConfig().isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true; // only application/json bodies get this far (RequestScreenFilter)
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        screen(body);
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    void screen(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidBodyException("The request body is not valid UTF-8");
        }
        try (JsonParser parser = json.createParser(text)) {
            walk(parser);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new InvalidBodyException("The request body is not valid JSON"
                    + (at == null || at.getLineNr() < 1 ? ""
                            : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private void walk(JsonParser parser) {
        Deque<Set<String>> objects = new ArrayDeque<>();
        boolean valueSeen = false;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (valueSeen && objects.isEmpty()) {
                throw new InvalidBodyException("The request body holds more than one JSON value");
            }
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    if (objects.size() >= MAX_DEPTH) {
                        throw refused(parser.streamReadContext(), "nests deeper than " + MAX_DEPTH + " levels");
                    }
                    objects.push(token == JsonToken.START_OBJECT ? new HashSet<>() : Collections.emptySet());
                }
                case END_OBJECT, END_ARRAY -> {
                    objects.pop();
                    valueSeen = true;
                }
                case PROPERTY_NAME -> {
                    String name = parser.currentName();
                    text(parser, name, "has a name that ");
                    if (!objects.peek().add(name)) {
                        throw refused(parser.streamReadContext(), "appears twice in its object");
                    }
                }
                case VALUE_STRING -> {
                    text(parser, parser.getString(), "");
                    valueSeen = true;
                }
                case VALUE_NUMBER_FLOAT -> {
                    if (decimalsAsDoubles && !Double.isFinite(parser.getDoubleValue())) {
                        throw refused(parser.streamReadContext(),
                                "must be a finite number (this one is beyond the range of a double)");
                    }
                    valueSeen = true;
                }
                default -> valueSeen = true;
            }
        }
    }

    private static void text(JsonParser parser, String value, String prefix) {
        Text.problem(value, Text.Kind.FREE).ifPresent(problem -> {
            throw refused(parser.streamReadContext(), prefix + problem);
        });
    }

    /** A refusal naming the body's member at fault and the exact place inside it. */
    private static InvalidBodyException refused(TokenStreamContext context, String message) {
        List<String> segments = segments(context);
        String member = segments.isEmpty() || segments.get(0).startsWith("[") ? null : segments.get(0);
        return new InvalidBodyException(member == null ? "body" : member, path(segments), message);
    }

    /** The names and indexes from the body's root down to the current token. */
    private static List<String> segments(TokenStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.currentName() != null) {
                segments.add(printable(c.currentName()));
            }
        }
        Collections.reverse(segments);
        return segments;
    }

    /** {@code a.b[2].c}, as the other field errors name members; a path 100 levels deep says no more than its start. */
    private static String path(List<String> segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!path.isEmpty() && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.length() > 200 ? path.substring(0, 200) + "..." : path.isEmpty() ? "body" : path.toString();
    }

    /** A member name as it may be quoted back: control characters and lone surrogates as U+XXXX, at most 200. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(200).forEach(cp -> {
            if (cp < 0x20 || Character.getType(cp) == Character.SURROGATE) {
                out.append(String.format("U+%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
