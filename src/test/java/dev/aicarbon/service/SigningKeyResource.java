package dev.aicarbon.service;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points token verification at the tests' local key, generated on first use. */
public class SigningKeyResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location",
                TestTokens.key().publicKeyFile().toUri().toString());
    }

    @Override
    public void stop() {
    }
}
