package dev.pcorders.application.order.port.in.archfixture;

import dev.pcorders.application.order.port.out.OrderGateway;

/** Violates rules 3 and 5a: JDBC in the application layer, and an in-port reaching an out-port. */
public final class QueryHoldingAConnection {
    public java.sql.Connection connection;
    public OrderGateway gateway;
}
