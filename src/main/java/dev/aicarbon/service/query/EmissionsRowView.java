package dev.aicarbon.service.query;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.aicarbon.service.api.KgCo2eView;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of an emissions query: the values of the requested group keys, the emissions in
 * kgCO2e and the flags of what the row is made of.
 */
@Schema(description = "Group key values (one property per groupBy key, and basis: provider-reported "
        + "or modelled), emissions in kgCO2e, flags")
public record EmissionsRowView(
        @JsonIgnore @Schema(hidden = true) Map<String, String> keys,
        @JsonUnwrapped KgCo2eView emissions,
        @Schema(description = "How the amounts were obtained, e.g. scope-combined, shared-split, "
                + "metric-fallback-effective-cost, stale")
        List<String> flags) {

    @JsonAnyGetter
    public Map<String, String> keyValues() {
        return keys;
    }
}
