import { z } from 'zod';
import { DELIVERY_STATUSES } from '../lib/changes/delivery-view';

export const DEFAULT_DELIVERIES_LIMIT = 50;
export const MAX_DELIVERIES_LIMIT = 200;

// Query values arrive as strings; a repeated parameter arrives as an array and is refused.
export const listDeliveriesQuerySchema = z.object({
    status: z
      .enum(DELIVERY_STATUSES, { error: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
      .optional(),
    limit: z
      .string({ error: 'limit must be a positive integer' })
      .regex(/^\d{1,9}$/, 'limit must be a positive integer')
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_DELIVERIES_LIMIT, `limit must be between 1 and ${MAX_DELIVERIES_LIMIT}`)
      .default(DEFAULT_DELIVERIES_LIMIT),
});
