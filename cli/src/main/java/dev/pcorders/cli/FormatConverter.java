package dev.pcorders.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts {@code table}, {@code json} and {@code csv} in any case. */
final class FormatConverter implements ITypeConverter<OutputFormat> {

    @Override
    public OutputFormat convert(String value) {
        try {
            return OutputFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new TypeConversionException("'" + value + "' is not a format; use table, json or csv");
        }
    }
}
