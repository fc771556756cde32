package dev.aicarbon.service.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens verified once and then recognised by their exact text until they expire.
 *
 * <p>A dashboard sends the same token with every request; verifying its RSA signature and
 * parsing its claims each time was about a third of the service's CPU under the load test
 * (docs/performance.md). A token is kept only after the SmallRye verifier accepted it, and
 * only under its whole compact text, signature included, so a token that differs in any
 * character, a forged or tampered one among them, is verified from scratch and refused as
 * before. Refusals are never kept.
 *
 * <p>A kept token is served until the earlier of its {@code exp} and {@link #KEPT_FOR} after
 * it was verified; past either it is verified again, which also applies a rotated key within
 * that time. Past {@link #MAX_TOKENS} the whole set is dropped rather than tracked entry by
 * entry: verifying again is the cost of a miss, never a wrong answer.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final Duration KEPT_FOR = Duration.ofSeconds(60);
    static final int MAX_TOKENS = 10_000;

    private final Map<String, Kept> verified = new ConcurrentHashMap<>();
    private final DefaultJWTParser verifier;
    private final Clock clock;
    private final int maxTokens;

    private record Kept(JsonWebToken token, long servedUntilMillis) {
    }

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier) {
        this(verifier, Clock.systemUTC(), MAX_TOKENS);
    }

    VerifiedTokens(DefaultJWTParser verifier, Clock clock, int maxTokens) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxTokens = maxTokens;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long nowMillis = clock.millis();
        Kept kept = verified.get(token);
        if (kept != null && nowMillis < kept.servedUntilMillis()) {
            return kept.token();
        }

        JsonWebToken accepted = verifier.parse(token);
        keep(token, accepted, nowMillis);
        return accepted;
    }

    private void keep(String token, JsonWebToken accepted, long nowMillis) {
        long untilMillis = nowMillis + KEPT_FOR.toMillis();
        if (accepted.getExpirationTime() > 0) {
            untilMillis = Math.min(untilMillis, accepted.getExpirationTime() * 1000);
        }
        if (verified.size() >= maxTokens) {
            verified.clear();
        }
        verified.put(token, new Kept(accepted, untilMillis));
    }

    // The calls below name their own key or context; they are not what a request goes through.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
