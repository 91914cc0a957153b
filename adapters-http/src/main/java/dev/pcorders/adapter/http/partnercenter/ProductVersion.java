package dev.pcorders.adapter.http.partnercenter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** pc-orders' own version, filtered into a resource at build time, for the User-Agent header. */
final class ProductVersion {

    static final String USER_AGENT = "pc-orders/" + read() + " (Java " + Runtime.version().feature() + ")";

    private ProductVersion() {
    }

    private static String read() {
        try (InputStream in = ProductVersion.class.getResourceAsStream("pc-orders-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
