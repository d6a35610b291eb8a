-- Separation of duties in casework (decision 0030): the bureau's head or deputy (负责人) approves filings,
-- extensions and transfers and decides penalties; a legal reviewer (法制审核人员) reviews before the prior notice.
ALTER TABLE user_role DROP CONSTRAINT user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check CHECK (role IN ('MONITORING_OFFICER', 'CASE_OFFICER',
    'BUREAU_HEAD', 'LEGAL_REVIEWER', 'CREDIT_OFFICER', 'CAMPAIGN_COORDINATOR', 'AGENCY_LIAISON', 'PLATFORM_COMPLIANCE',
    'ADMIN'));
