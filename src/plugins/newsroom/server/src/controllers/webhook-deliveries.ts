import type { Core } from '@strapi/strapi';
import type { ListDeliveries } from '../../../shared/contracts/webhooks';
import { getService } from '../utils/get-service';
import { listDeliveriesQuerySchema } from '../validation/webhook-deliveries';
import { validate } from '../validation/validate';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const webhookDeliveries = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /newsroom/webhooks/deliveries?status=&limit= */
  async list(ctx: Ctx) {
    const query = validate(listDeliveriesQuerySchema, ctx.query, 'deliveries query');
    const body: ListDeliveries.Response = await getService(strapi, 'delivery-log').list(query);
    ctx.body = body;
  },
});

export default webhookDeliveries;
