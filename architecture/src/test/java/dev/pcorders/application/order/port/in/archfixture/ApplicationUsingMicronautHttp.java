package dev.pcorders.application.order.port.in.archfixture;

/** Violates rules 3 and 4b: Micronaut HTTP in the application layer. */
public final class ApplicationUsingMicronautHttp {
    public io.micronaut.http.HttpRequest<?> request;
}
