package cn.sedx.gateway.campaign;

import cn.sedx.gateway.support.OnPostgres;

/** {@link CampaignDeliveryTests} on PostgreSQL: the campaign records' routing and delivery. */
@OnPostgres
class CampaignDeliveryOnPostgresTests extends CampaignDeliveryTests {}
