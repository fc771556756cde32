package dev.aicarbon.service.methodology;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of a consumer's modelled emissions: the group key values and the amounts. */
public record ConsumerRowView(
        @JsonIgnore @Schema(hidden = true) Map<String, String> keys,
        @JsonUnwrapped ModelledView emissions,
        List<String> flags) {

    @JsonAnyGetter
    public Map<String, String> keyValues() {
        return keys;
    }
}
