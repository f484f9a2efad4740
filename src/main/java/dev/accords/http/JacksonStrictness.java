package dev.accords.http;

import java.io.IOException;
import java.time.LocalDate;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Jackson is lenient by default: it turns 123 into "123", "12" into 12, reads duplicate keys, trims
 * enum names and dates (" ACCEPTS", "2025-02-28\u0000"), and reads a date from an array
 * ([2025,2,28], and [] as no date at all). An API that says "wrong types are a 400" must refuse all
 * of that. Feature switches and the coercion configuration do most of it; what they cannot reach is
 * done by {@link TextOnly}.
 */
@Singleton
public class JacksonStrictness implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : new LogicalType[]{LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum, LogicalType.DateTime}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("accords-text-only").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new TextOnly(deserializer, null);
            }

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == LocalDate.class) {
                    // Jackson also takes a date-time ("2025-02-28T00:00:00Z") for a date and drops the time.
                    return new TextOnly(deserializer, DATE);
                }
                return type.getPackageName().equals("java.time") ? new TextOnly(deserializer, null) : deserializer;
            }
        }));
    }

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /**
     * For enums and java.time types, which the contract writes as strings only: refuses any other JSON
     * value, a string with leading or trailing whitespace or control characters, which Jackson would
     * trim, and, given a shape, a string of another shape.
     *
     * <p>A deserializer rather than a switch: for java.time types an array is no coercion but one of
     * their own forms (how {@code WRITE_DATES_AS_TIMESTAMPS} writes them), which neither the coercion
     * configuration ({@code CoercionInputShape.Array} and {@code EmptyArray} set to Fail), nor
     * {@code ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT} or {@code UNWRAP_SINGLE_VALUE_ARRAYS} off, nor a
     * {@code @JsonFormat} shape of STRING or leniency false stops (checked with jackson-datatype-jsr310
     * 2.21). Other scalars (strings, numbers, booleans, UUIDs) already refuse arrays and objects as
     * configured above, since their empty-array coercion fails by default.
     */
    static final class TextOnly extends DelegatingDeserializer {
        private final Pattern shape;

        TextOnly(JsonDeserializer<?> delegate, Pattern shape) {
            super(delegate);
            this.shape = shape;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate, shape);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            // Only a string: an Instant would also take a number (seconds since the epoch), and
            // arrays and objects are forms of their own for java.time types (see above).
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText();
            if (!text.equals(text.trim()) || shape != null && !shape.matcher(text).matches()) {
                return context.handleWeirdStringValue(handledType(), text, "not in the expected form");
            }
            return super.deserialize(parser, context);
        }
    }
}
