package org.trustregistry.server.edge;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.trustregistry.shared.CanonicalUuid;
import org.trustregistry.shared.FreeText;
import org.trustregistry.shared.Rfc3339Time;
import org.trustregistry.shared.Text;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies become request records: the JSON type of every member is exact (a number is not a
 * string, "true" is not a boolean, "" is not a missing value), unknown and duplicate members are refused,
 * strings are single-line text unless the member is {@link FreeText}, times follow {@link Rfc3339Time}
 * (no epoch numbers, no offsets), UUIDs are canonical and enum values are spelt exactly as their names.
 * Only Spring MVC's JSON converter uses this mapper: the application's own {@link JsonMapper} bean also
 * reads and writes stored data (projections, the event API), which must not change with the edge's rules.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The application's mapper with the edge's rules on top. */
    public static JsonMapper mapper(JsonMapper base) {
        return base.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS, MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS,
                        MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, MapperFeature.ACCEPT_CASE_INSENSITIVE_VALUES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // "" is not a missing value and a string is not a number, a boolean or an object ...
                .withCoercionConfigDefaults(config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                // ... nor is a number a boolean, a fraction an integer, or a boolean a number
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(module())
                .build();
    }

    private static SimpleModule module() {
        SimpleModule module = new SimpleModule("trust-registry-strict-edge");
        module.addDeserializer(String.class, new TextDeserializer(null));
        module.addDeserializer(Instant.class, new TimeDeserializer());
        module.addDeserializer(UUID.class, new UuidDeserializer());
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                               BeanDescription.Supplier description,
                                                               ValueDeserializer<?> deserializer) {
                return new ExactEnumDeserializer(type.getRawClass());
            }
        });
        return module;
    }

    private static RefusedValueException refused(JsonParser parser, String message, Class<?> type) {
        return new RefusedValueException(parser, message, type);
    }

    /**
     * Strings from JSON strings only. A member of a request record is single-line text unless marked
     * {@link FreeText}; strings without a member (inside free-form maps such as {@code metadata}) are free
     * text. The body screen has already refused NUL, other C0 controls and unpaired surrogates everywhere.
     */
    static final class TextDeserializer extends StdScalarDeserializer<String> {
        private final Text.Kind kind;

        TextDeserializer(Text.Kind kind) {
            super(String.class);
            this.kind = kind;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            if (property == null) {
                return new TextDeserializer(Text.Kind.FREE);
            }
            return new TextDeserializer(property.getAnnotation(FreeText.class) != null ? Text.Kind.FREE
                    : Text.Kind.SINGLE_LINE);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw refused(parser, "must be a string", String.class);
            }
            String text = parser.getString();
            Text.problem(text, kind == null ? Text.Kind.FREE : kind).ifPresent(problem -> {
                throw refused(parser, problem, String.class);
            });
            return text;
        }
    }

    /** Times from JSON strings in RFC 3339 with Z only: an epoch number or an offset is refused, not guessed at. */
    static final class TimeDeserializer extends StdScalarDeserializer<Instant> {
        TimeDeserializer() {
            super(Instant.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw refused(parser, "must be " + Rfc3339Time.RULE, Instant.class);
            }
            return Rfc3339Time.parse(parser.getString())
                    .orElseThrow(() -> refused(parser, "must be " + Rfc3339Time.RULE, Instant.class));
        }
    }

    static final class UuidDeserializer extends StdScalarDeserializer<UUID> {
        UuidDeserializer() {
            super(UUID.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.OtherScalar;
        }

        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw refused(parser, "must be " + CanonicalUuid.RULE, UUID.class);
            }
            return CanonicalUuid.parse(parser.getString())
                    .orElseThrow(() -> refused(parser, "must be " + CanonicalUuid.RULE, UUID.class));
        }
    }

    /** Enum values by their exact names; Jackson's own reader trims and takes indexes. */
    static final class ExactEnumDeserializer extends StdScalarDeserializer<Object> {
        private final Map<String, Object> byName = new LinkedHashMap<>();

        ExactEnumDeserializer(Class<?> type) {
            super(type);
            Arrays.stream(type.getEnumConstants()).forEach(c -> byName.put(((Enum<?>) c).name(), c));
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Enum;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = parser.hasToken(JsonToken.VALUE_STRING) ? byName.get(parser.getString()) : null;
            if (value == null) {
                throw refused(parser, "must be one of " + byName.keySet(), handledType());
            }
            return value;
        }
    }
}
