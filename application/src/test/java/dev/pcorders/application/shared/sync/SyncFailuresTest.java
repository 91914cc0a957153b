package dev.pcorders.application.shared.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.application.shared.port.in.SyncFailure;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Walks the sealed Partner Center failure hierarchy: each subtype has a family of its own and maps to the kind of
 * the same name and transience, so a subtype added later cannot fall into another's kind unnoticed.
 */
class SyncFailuresTest {

    @Test
    void everyPartnerCenterFailureSubtypeMapsToItsOwnKindWithTheSameTransience() throws ReflectiveOperationException {
        Class<?>[] subtypes = PartnerCenterException.class.getPermittedSubclasses();
        assertThat(subtypes).hasSize(PartnerCenterException.Family.values().length);
        Map<SyncFailure.Kind, Class<?>> seen = new HashMap<>();
        for (Class<?> subtype : subtypes) {
            PartnerCenterException failure = instanceOf(subtype);

            SyncFailure mapped = SyncFailures.of(failure);

            assertThat(seen.put(mapped.kind(), subtype)).as("%s shares its kind", subtype.getSimpleName()).isNull();
            assertThat(mapped.kind().name()).as(subtype.getSimpleName()).isEqualTo(failure.family().name());
            assertThat(mapped.isTransient()).as(subtype.getSimpleName()).isEqualTo(failure.isTransient());
            assertThat(mapped.httpStatus()).isEqualTo(failure.error().httpStatus());
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrder(SyncFailure.Kind.values());
    }

    private static PartnerCenterException instanceOf(Class<?> subtype) throws ReflectiveOperationException {
        Constructor<?> constructor = subtype.getConstructors()[0];
        List<Object> arguments = Arrays.stream(constructor.getParameterTypes()).map(type -> {
            if (type == String.class) {
                return (Object) "refused";
            } else if (type == PartnerCenterError.class) {
                return PartnerCenterError.ofStatus(418);
            } else if (type == Optional.class) {
                return Optional.empty();
            }
            return null;
        }).toList();
        return (PartnerCenterException) constructor.newInstance(arguments.toArray());
    }
}
