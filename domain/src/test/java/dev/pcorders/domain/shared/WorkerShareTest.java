package dev.pcorders.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkerShareTest {

    private static List<CustomerId> customers(int howMany) {
        Random random = new Random(42);
        List<CustomerId> customers = new ArrayList<>();
        for (int i = 0; i < howMany; i++) {
            customers.add(new CustomerId(new UUID(random.nextLong(), random.nextLong())));
        }
        return customers;
    }

    @Test
    void everyCustomerFallsToExactlyOneOfTheWorkersWhateverTheListsOrder() {
        List<CustomerId> customers = customers(1_000);
        for (int count = 1; count <= 7; count++) {
            Set<CustomerId> seen = new HashSet<>();
            int smallest = Integer.MAX_VALUE;
            for (int number = 1; number <= count; number++) {
                List<CustomerId> share = new WorkerShare(number, count).of(customers);
                smallest = Math.min(smallest, share.size());
                for (CustomerId customer : share) {
                    assertThat(seen.add(customer)).as("%s taken twice", customer).isTrue();
                }
                List<CustomerId> reversed = new ArrayList<>(customers);
                java.util.Collections.reverse(reversed);
                assertThat(new WorkerShare(number, count).of(reversed)).containsExactlyInAnyOrderElementsOf(share);
            }
            assertThat(seen).hasSize(customers.size());
            // Random ids spread evenly: no worker is left with less than half its fair share.
            assertThat(smallest).isGreaterThan(customers.size() / count / 2);
        }
    }

    @Test
    void parsesIOverNAndRefusesAnythingElseQuotingIt() {
        assertThat(WorkerShare.parse(" 2/3 ")).isEqualTo(new WorkerShare(2, 3));
        assertThat(WorkerShare.parse("1/1")).isEqualTo(WorkerShare.ALL);
        for (String bad : List.of("0/2", "3/2", "1/0", "2", "a/b", "1/2/3", "")) {
            assertThatThrownBy(() -> WorkerShare.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("I/N");
        }
    }
}
