package dev.pcorders.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts any {@link OutputFormat} in any case; each command then refuses the ones it does not print. */
final class FormatConverter implements ITypeConverter<OutputFormat> {

    @Override
    public OutputFormat convert(String value) {
        try {
            return OutputFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new TypeConversionException("'" + value + "' is not a format; use table, json, csv, html or xlsx");
        }
    }
}
