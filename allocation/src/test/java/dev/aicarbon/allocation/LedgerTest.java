package dev.aicarbon.allocation;

import static dev.aicarbon.allocation.TestData.cell;
import static dev.aicarbon.allocation.TestData.scope1;
import static dev.aicarbon.allocation.TestData.scopes;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerTest {

    @Test
    void refusesToCloseWhenAComponentIsNotConserved() {
        Ledger ledger = new Ledger();
        ledger.add(RowKey.unmatched(cell("c1", scope1("10")).build(), Set.of()), scope1("10"));

        assertThatIllegalStateException()
                .isThrownBy(() -> ledger.close(scopes("10", "0", "0", "1")))
                .withMessageContaining("scope3KgCo2e");
    }
}
