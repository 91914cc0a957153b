package dev.pcorders.benchmarks.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The decode baseline's model: plain mutable classes mirroring the orders wire format the way the
 * official Partner Center SDK models it, prices as {@code double}. Dates and open enums stay strings,
 * which is cheaper than the SDK's parsing of them: the baseline errs on the fast side.
 */
public final class SdkOrders {

    private SdkOrders() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class OrderCollection {
        public int totalCount;
        public List<Order> items;
        public CollectionLinks links;
        public Attributes attributes;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Order {
        public String id;
        public String alternateId;
        public String referenceCustomerId;
        public String billingCycle;
        public String currencyCode;
        public String currencySymbol;
        public List<LineItem> lineItems;
        public String creationDate;
        public String status;
        public String transactionType;
        public double totalPrice;
        public Client client;
        public OrderLinks links;
        public Attributes attributes;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class LineItem {
        public int lineItemNumber;
        public String offerId;
        public String subscriptionId;
        public String parentSubscriptionId;
        public String termDuration;
        public String transactionType;
        public String friendlyName;
        public int quantity;
        public String partnerIdOnRecord;
        public Map<String, String> provisioningContext;
        public Pricing pricing;
        public PurchaseCommitment purchaseCommitment;
        public RenewsTo renewsTo;
        public String promotionId;
        public Boolean attestationAccepted;
        public String customTermEndDate;
        public LineItemLinks links;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Pricing {
        public double listPrice;
        public double discountedPrice;
        public double extendedPrice;
        public double price;
        public double proratedPrice;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class PurchaseCommitment {
        public double amount;
        public String currency;
        public String grain;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class RenewsTo {
        public String termDuration;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Client {
        public String deviceFamily;
        public String marketplaceCountry;
        public String name;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Attributes {
        public String etag;
        public String objectType;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Link {
        public String uri;
        public String method;
        public List<Header> headers;
        public Object body;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Header {
        public String key;
        public String value;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class CollectionLinks {
        public Link self;
        public Link next;
        public Link previous;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class OrderLinks {
        public Link self;
        public Link provisioningStatus;
        public Link patchOperation;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class LineItemLinks {
        public Link product;
        public Link sku;
        public Link availability;
        public Link subscription;
        public Link provisioningStatus;
        public Link activationLinks;
    }
}
