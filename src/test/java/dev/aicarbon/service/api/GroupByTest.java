package dev.aicarbon.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GroupByTest {

    private static final List<String> KNOWN = List.of("month", "serviceModel", "scope");

    private static List<String> parse(String... values) {
        return GroupBy.parse(List.of(values), KNOWN, Function.identity());
    }

    @Test
    void keepsTheOrderGivenAcrossValuesAndCommas() {
        assertThat(parse("scope,month", "serviceModel")).containsExactly("scope", "month", "serviceModel");
    }

    @Test
    void matchesALabelWhateverItsCase() {
        assertThat(parse("SERVICEMODEL", "servicemodel")).containsExactly("serviceModel");
    }

    @Test
    void dropsRepeatsAndBlanks() {
        assertThat(parse("month, ,scope", "month,", "")).containsExactly("month", "scope");
    }

    @Test
    void anUnknownKeyNamesTheParameterAndTheKnownKeysInTheOrderGiven() {
        assertThatThrownBy(() -> parse("month", " colour "))
                .isInstanceOfSatisfying(BadParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("groupBy"))
                .hasMessage("groupBy has an unknown key 'colour'; known keys: month, serviceModel, scope");
    }
}
