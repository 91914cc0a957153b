package dev.pcorders.adapter.http.order;

import dev.pcorders.adapter.http.auth.AccessToken;
import dev.pcorders.adapter.http.auth.AccessTokenProvider;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Hands out the given tokens in turn, one more per refresh, and counts the refreshes. */
final class CountingTokens implements AccessTokenProvider {

    private final List<String> tokens;
    private final AtomicInteger refreshes = new AtomicInteger();

    CountingTokens(String... tokens) {
        this.tokens = List.of(tokens);
    }

    @Override
    public AccessToken currentToken() {
        return token(refreshes.get());
    }

    @Override
    public AccessToken refreshedToken(AccessToken rejected) {
        return token(refreshes.incrementAndGet());
    }

    int refreshes() {
        return refreshes.get();
    }

    private AccessToken token(int index) {
        return new AccessToken(tokens.get(Math.min(index, tokens.size() - 1)), Instant.MAX);
    }
}
