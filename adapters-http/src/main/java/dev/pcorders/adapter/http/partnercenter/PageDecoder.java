package dev.pcorders.adapter.http.partnercenter;

/**
 * Reads one page of a resource collection from a 200 response. Throws a
 * {@link dev.pcorders.application.order.port.out.PartnerCenterException.MalformedResponse} (see
 * {@link PartnerCenterResponse#malformed}) for a body that is not the contract, never a partial page.
 */
@FunctionalInterface
public interface PageDecoder<T> {

    DecodedPage<T> decode(PartnerCenterResponse response, int pageNumber);
}
