package dev.pcorders.application.order.testing;

import dev.pcorders.application.order.port.out.OrderRepository;

class InMemoryOrderRepositoryTest extends OrderRepositoryContract {

    @Override
    protected OrderRepository newRepository() {
        return new InMemoryOrderRepository();
    }
}
