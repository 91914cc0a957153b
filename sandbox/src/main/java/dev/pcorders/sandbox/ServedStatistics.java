package dev.pcorders.sandbox;

/**
 * What a running sandbox has served so far.
 *
 * @param ordersRequests orders requests received after authentication (each one numbered for the fault plan)
 * @param bodyBytes      bytes of collection bodies handed to the network
 * @param bodyChunks     how many pieces those bytes went out in
 * @param largestChunk   the largest piece: bounded by the chunk size however many orders a body holds
 */
public record ServedStatistics(long ordersRequests, long bodyBytes, long bodyChunks, long largestChunk) {
}
