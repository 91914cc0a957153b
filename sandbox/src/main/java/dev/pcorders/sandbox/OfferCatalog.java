package dev.pcorders.sandbox;

import java.math.BigDecimal;
import java.util.List;

/**
 * The new-commerce offers the sandbox sells. Product ids follow the real catalog's shape; names carry
 * commas and quotes on purpose, so CSV quoting is exercised.
 */
final class OfferCatalog {

    enum Kind { SEAT, SOFTWARE, RESERVATION, SAVINGS_PLAN }

    record Offer(String productId, String skuId, String availabilityId, String productName, String skuName,
                 Kind kind, BigDecimal monthlyUsd) {
        String offerId() {
            return productId + ":" + skuId + ":" + availabilityId;
        }
    }

    private static final List<Offer> OFFERS = List.of(
            offer("CFQ7TTC0LH18", "0001", "CFQ7TTC0K5DM", "Microsoft 365 Business Basic", "Microsoft 365 Business Basic", Kind.SEAT, "6.00"),
            offer("CFQ7TTC0LDPB", "0001", "CFQ7TTC0K5BF", "Microsoft 365 Business Standard", "Microsoft 365 Business Standard", Kind.SEAT, "12.50"),
            offer("CFQ7TTC0LCHC", "0002", "CFQ7TTC0K5BC", "Microsoft 365 Business Premium", "Microsoft 365 Business Premium", Kind.SEAT, "22.00"),
            offer("CFQ7TTC0LFLX", "0001", "CFQ7TTC0K5GH", "Microsoft 365 E3", "Microsoft 365 E3 (no Teams)", Kind.SEAT, "33.75"),
            offer("CFQ7TTC0LF8Q", "0001", "CFQ7TTC0K5PL", "Office 365 E1", "Office 365 E1", Kind.SEAT, "10.00"),
            offer("CFQ7TTC0LH16", "0001", "CFQ7TTC0LHSF", "Exchange Online (Plan 1)", "Exchange Online (Plan 1)", Kind.SEAT, "4.00"),
            offer("CFQ7TTC0RM8K", "0001", "CFQ7TTC0S2KL", "Microsoft Teams Essentials", "Teams Essentials, \"AAD identity\"", Kind.SEAT, "4.00"),
            offer("CFQ7TTC0HDB0", "0002", "CFQ7TTC0K1PS", "Dynamics 365 Sales, Enterprise", "Dynamics 365 \"Sales\" Enterprise, Attach", Kind.SEAT, "95.00"),
            offer("DG7GMGF0FKZV", "0003", "DG7GMGF0DWMS", "SQL Server Enterprise", "SQL Server Enterprise - 2 Core License Pack - 3 year", Kind.SOFTWARE, "13748.00"),
            offer("DG7GMGF0DVT7", "000C", "DG7GMGF0FVZM", "Windows Server CAL", "Windows Server CAL - 1 Device CAL - 3 year", Kind.SOFTWARE, "39.00"),
            offer("DZH318Z0BQ4B", "000Z", "DZH318Z0DSPL", "Reserved VM Instance, Standard_D1", "Reserved_VM_Instance_Standard_D1_AP_East_1_Year", Kind.RESERVATION, "29.91"),
            offer("DZH318Z0BQ4Z", "002L", "DZH318Z0CMNP", "Reserved VM Instance, Standard_NC12", "Reserved_VM_Instance_Standard_NC12_AU_East_1_Year", Kind.RESERVATION, "1065.23"),
            offer("DZH318Z0C964", "0001", "DZH318Z0BZDG", "SaaS custom meter offer", "SaaS custom meter offer - Bronze", Kind.SEAT, "49.99"),
            offer("DZH318Z0CSHL", "0001", "DZH318Z0CG1G", "Azure savings plan for compute", "Azure savings plan for compute, 1 year", Kind.SAVINGS_PLAN, "730.00"));

    private OfferCatalog() {
    }

    private static Offer offer(String product, String sku, String availability, String productName, String skuName,
                               Kind kind, String monthlyUsd) {
        return new Offer(product, sku, availability, productName, skuName, kind, new BigDecimal(monthlyUsd));
    }

    static int size() {
        return OFFERS.size();
    }

    static Offer get(int index) {
        return OFFERS.get(index);
    }
}
