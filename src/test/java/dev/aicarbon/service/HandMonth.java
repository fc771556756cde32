package dev.aicarbon.service;

/**
 * A month small enough to allocate by hand (2026-11).
 *
 * <pre>
 * Azure subscription sub-a, one account-wide cell: scope 2 location 600, market 300, scope 3 60
 *
 *  line  service           ListCost  tags                          share  goes to
 *  2     Virtual Machines  300       alpha / train-1 / training    1/2    alpha
 *  3     Virtual Machines  100       beta / inference              1/6    beta
 *  4     Storage           100       shared                        1/6    alpha 3/4, beta 1/4
 *  5     Virtual Machines  100       (none)                        1/6    unallocated
 *  6     Purchase row, not usage: no share
 *
 *            scope2 loc  scope2 mkt  scope3   total loc  total mkt
 *  alpha       375        187.5      37.5      412.5      225
 *  beta        125         62.5      12.5      137.5       75
 *  unallocated 100         50        10        110         60
 *
 * AWS account 111111111111 us-east-1, scope-combined cell (location 40, market 20), no usage:
 *  unmatched   combined location 40, combined market 20
 * </pre>
 */
final class HandMonth {

    static final String MONTH = "2026-11";

    static final String FOCUS = """
            ProviderName,BillingAccountId,SubAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,RegionId,ServiceName,ServiceCategory,ResourceId,SkuId,ConsumedQuantity,ConsumedUnit,ListCost,EffectiveCost,BilledCost,BillingCurrency,Tags,x_ResourceGroupName
            Microsoft,ba-1,sub-a,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,Usage,eastus,Virtual Machines,Compute,/vm/1,ND96asr,720,Hours,300,250,250,USD,"{""ml-project"":""alpha"",""ml-workload"":""train-1"",""ml-stage"":""training""}",rg-1
            Microsoft,ba-1,sub-a,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,Usage,eastus,Virtual Machines,Compute,/vm/2,D4s,720,Hours,100,90,90,USD,"{""ml-project"":""beta"",""ml-stage"":""inference""}",rg-1
            Microsoft,ba-1,sub-a,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,Usage,eastus,Storage,Storage,/st/1,LRS,1000,GB-Month,100,100,100,USD,"{""ml-project"":""shared""}",rg-1
            Microsoft,ba-1,sub-a,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,Usage,eastus,Virtual Machines,Compute,/vm/3,D2s,720,Hours,100,100,100,USD,,rg-2
            Microsoft,ba-1,sub-a,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,Purchase,eastus,Virtual Machines,Compute,,RI,,,5000,5000,5000,USD,,
            """;

    static final String EMISSIONS = """
            provider,account_id,month,region,service,scope1_kgco2e,scope2_location_kgco2e,scope2_market_kgco2e,scope3_kgco2e,total_location_kgco2e,total_market_kgco2e
            azure,sub-a,2026-11,,,0,600,300,60,,
            aws,111111111111,2026-11,us-east-1,,,,,,40,20
            """;

    /** The same Azure cell restated by the provider: scope 2 location-based 600 becomes 1200. */
    static final String EMISSIONS_RESTATED = """
            provider,account_id,month,region,service,scope1_kgco2e,scope2_location_kgco2e,scope2_market_kgco2e,scope3_kgco2e
            azure,sub-a,2026-11,,,0,1200,300,60
            """;

    private HandMonth() {
    }
}
