package org.trustregistry.server.edge;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.trustregistry.shared.CanonicalUuid;

/**
 * Numbers and UUIDs in paths and query strings: decimal integers only ({@code -?[0-9]+}) within the range
 * of their type, and canonical UUIDs. Spring's defaults read {@code 0x10} and {@code #10} as 16 and
 * {@code 1-2-3-4-5} as a UUID. They have to be property editors: when a converter of the conversion
 * service refuses a value, Spring's binder falls back on its default editors, which take it. A refusal
 * becomes a 400 naming the parameter (ProblemDetailsAdvice, type mismatch).
 */
@ControllerAdvice
class StrictParameterConversion {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,20}");

    @InitBinder
    void strictParameters(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new Strict(StrictParameterConversion::decimalInt));
        binder.registerCustomEditor(int.class, new Strict(StrictParameterConversion::decimalInt));
        binder.registerCustomEditor(Long.class, new Strict(StrictParameterConversion::decimalLong));
        binder.registerCustomEditor(long.class, new Strict(StrictParameterConversion::decimalLong));
        binder.registerCustomEditor(UUID.class, new Strict(text -> CanonicalUuid.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("not a canonical UUID"))));
    }

    private static Integer decimalInt(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal integer");
        }
        return Integer.valueOf(text); // NumberFormatException, an IllegalArgumentException, beyond int
    }

    private static Long decimalLong(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal integer");
        }
        return Long.valueOf(text);
    }

    /** An editor from a parsing function (an empty value, {@code page=}, is refused like any other). */
    private static final class Strict extends PropertyEditorSupport {
        private final Function<String, Object> parse;

        Strict(Function<String, Object> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            setValue(text == null ? null : parse.apply(text));
        }
    }
}
