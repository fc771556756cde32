package dev.aicarbon.service.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kept tokens, verified by SmallRye's own parser with a real key pair; the clock is ours. */
class VerifiedTokensTest {

    /** Small, so that filling the set takes a handful of signatures. */
    private static final int MAX_TOKENS = 5;

    private static KeyPair keys;
    private static TokenMinter minter;

    private final MovableClock clock = new MovableClock();
    private CountingVerifier verifier;
    private VerifiedTokens tokens;

    @BeforeAll
    static void keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        minter = new TokenMinter(keys.getPrivate(), "carbon-local", "projects");
    }

    @BeforeEach
    void verifier() {
        verifier = new CountingVerifier(new JWTAuthContextInfo((RSAPublicKey) keys.getPublic(), "carbon-local"));
        tokens = new VerifiedTokens(verifier, clock, MAX_TOKENS);
    }

    private static String analystToken(Duration timeToLive) {
        return minter.mint("ana", Roles.ANALYST, List.of(), timeToLive);
    }

    @Test
    void verifiesTheSameTokenOnceWhileItIsKept() throws Exception {
        String token = analystToken(Duration.ofHours(1));

        JsonWebToken first = tokens.parse(token);
        JsonWebToken second = tokens.parse(token);

        assertThat(verifier.verifications).isEqualTo(1);
        assertThat(second.getSubject()).isEqualTo("ana");
        assertThat(second.getGroups()).isEqualTo(first.getGroups()).containsExactly(Roles.ANALYST);
    }

    @Test
    void verifiesAgainOnceKeptForHasPassed() throws Exception {
        String token = analystToken(Duration.ofHours(1));
        tokens.parse(token);

        clock.advance(VerifiedTokens.KEPT_FOR.minusMillis(1));
        tokens.parse(token);
        clock.advance(Duration.ofMillis(1));
        tokens.parse(token);

        assertThat(verifier.verifications).isEqualTo(2);
    }

    @Test
    void goesBackToTheVerifierAtTheTokensExpiry() throws Exception {
        String token = analystToken(Duration.ofSeconds(20));
        tokens.parse(token);

        clock.advance(Duration.ofSeconds(21));
        tokens.parse(token);

        assertThat(verifier.verifications).isEqualTo(2);
    }

    @Test
    void refusesATamperedTokenAfterTheGenuineOneWasKept() throws Exception {
        String token = analystToken(Duration.ofHours(1));
        tokens.parse(token);
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8);
        String adminClaims = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace(Roles.ANALYST, Roles.ADMIN).getBytes(UTF_8));
        String tampered = parts[0] + "." + adminClaims + "." + parts[2];

        assertThatThrownBy(() -> tokens.parse(tampered)).isInstanceOf(ParseException.class);
        assertThat(verifier.verifications).isEqualTo(2);
    }

    @Test
    void keepsNoRefusal() {
        String expired = analystToken(Duration.ofSeconds(-600));

        assertThatThrownBy(() -> tokens.parse(expired)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(expired)).isInstanceOf(ParseException.class);
        assertThat(verifier.verifications).isEqualTo(2);
    }

    @Test
    void dropsEveryKeptTokenRatherThanGrowPastTheBound() throws Exception {
        String first = analystToken(Duration.ofHours(1));
        tokens.parse(first);
        for (int i = 1; i < MAX_TOKENS; i++) {
            tokens.parse(analystToken(Duration.ofHours(1)));
        }
        tokens.parse(first);
        assertThat(verifier.verifications).isEqualTo(MAX_TOKENS);

        tokens.parse(analystToken(Duration.ofHours(1)));
        tokens.parse(first);

        assertThat(verifier.verifications).isEqualTo(MAX_TOKENS + 2);
    }

    /** SmallRye's verifier, counting the tokens it was asked to verify. */
    private static final class CountingVerifier extends DefaultJWTParser {
        int verifications;

        CountingVerifier(JWTAuthContextInfo context) {
            super(context);
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications++;
            return super.parse(token);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public long millis() {
            return now.toEpochMilli();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
