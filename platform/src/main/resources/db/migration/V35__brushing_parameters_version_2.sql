-- Brushing parameters version 2 (decision 0022): the ring detector's stopping rule tests each block against three
-- nulls (independence, distinct account-shop pairs, the accounts' own history over the window) and a bound counted
-- over the block's shape, instead of version 1's limits of at most 7 days, at least 10 accounts, 5 % fill and
-- 200 times the expectation. Version 1 stays, so that every earlier run still names the parameters it used.
INSERT INTO brushing_parameters (ring, parcels, reviews, note, created_by, created_at) VALUES (
    '{"seeds":300,"maxRings":50,"alpha":1e-6,"minAccounts":2,"maxAccounts":5000,"rounds":12,"maxDays":0,"minFill":0,"minPurchases":2,"minDensity":0,"coBuying":2,"coordination":true}',
    '{"minWeightGrams":50,"minTransitSeconds":7200,"samePlaceBuyers":3,"routeBuyersPerDay":10}',
    '{"shingle":3,"hashes":64,"bands":16,"minSimilarity":0.75,"minTextLength":8,"minAccounts":3,"burstMinReviews":10,"burstRatio":5.0}',
    '第 2 版：按三种原假设（账号活跃度×店铺热度×日交易量、账号—店铺关系数、账号自身在这些店铺的购买历史）检验，'
    || '不再限定团伙的天数、人数、填充率和密度倍数（决策 0022）', 'system', now());
