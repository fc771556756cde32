package dev.aicarbon.service;

/**
 * A month small enough to allocate by hand (2026-11), in {@code src/test/resources/hand-month}.
 *
 * <pre>
 * Azure subscription 5a1c7e2d-...: one account-wide cell, scope 2 location 600, market 300,
 * scope 3 60. FOCUS writes the subscription as /subscriptions/5a1c..., the emissions file as
 * the upper-case GUID; both are the same account.
 *
 *  row  service           ListCost  tags                          share  goes to
 *  2    Virtual Machines  300       alpha / train-1 / training    1/2    alpha
 *  3    Virtual Machines  100       beta / inference              1/6    beta
 *  4    Storage           100       shared                        1/6    alpha 3/4, beta 1/4
 *  5    Virtual Machines  100       (none)                        1/6    unallocated
 *  6    Purchase row, not usage: no share
 *
 *            scope2 loc  scope2 mkt  scope3   total loc  total mkt
 *  alpha       375        187.5      37.5      412.5      225
 *  beta        125         62.5      12.5      137.5       75
 *  unallocated 100         50        10        110         60
 *
 * AWS account 111111111111 us-east-1, scope-combined cell (location 40, market 20), no usage:
 *  unmatched   combined location 40, combined market 20
 * </pre>
 *
 * <p>Restatements: {@code emissions-restated.csv} doubles the Azure cell's scope 2
 * location-based (1200); {@code focus-restated.csv} tags row 5 for beta / inference, so
 * beta's direct usage becomes 200 and the shared line splits 300:200 (alpha 3/5, beta 2/5).
 */
final class HandMonth {

    static final String MONTH = "2026-11";
    static final String AZURE_SUBSCRIPTION = "5a1c7e2d-3b4f-4c8a-9d6e-0f1a2b3c4d5e";

    static final String FOCUS = read("focus.csv");
    static final String FOCUS_RESTATED = read("focus-restated.csv");
    static final String EMISSIONS = read("emissions.csv");
    static final String EMISSIONS_RESTATED = read("emissions-restated.csv");

    private HandMonth() {
    }

    private static String read(String file) {
        return TestFiles.read("hand-month/" + file);
    }
}
