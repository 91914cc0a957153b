package dev.pcorders.adapter.http.partnercenter;

/**
 * Opens the body of one 200 response of a resource collection for reading in parts. Throws a
 * {@link dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse} (see
 * {@link PartnerCenterResponse#malformed}) for a body that is not the contract.
 */
@FunctionalInterface
public interface PageDecoder<T> {

    PageReader<T> open(PartnerCenterResponse response, int pageNumber);
}
