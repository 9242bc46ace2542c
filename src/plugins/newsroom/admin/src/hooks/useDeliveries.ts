import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import type { DeliveryStatus, ListDeliveries } from '../../../shared/contracts/webhooks';
import { apiFailure, type ApiFailure } from '../utils/apiError';

const ROUTE = '/newsroom/webhooks/deliveries';
// While a delivery is owed, its retries are worth watching.
const POLL_MS = 3000;

/** The most recent deliveries (of one status, or all), read again every few seconds while any is pending. */
export function useDeliveries(status: DeliveryStatus | null) {
  const { get } = useFetchClient();
  const [listing, setListing] = useState<ListDeliveries.Response | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [loading, setLoading] = useState(false);

  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      const { data } = await get<ListDeliveries.Response>(status ? `${ROUTE}?status=${status}` : ROUTE);
      setListing(data);
      setError(null);
    } catch (err) {
      setError(apiFailure(err));
    } finally {
      setLoading(false);
    }
  }, [get, status]);

  useEffect(() => {
    refresh();
  }, [refresh]);

  const pending = (listing?.meta.counts.pending ?? 0) > 0;
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refresh]);

  return { listing, error, loading, refresh };
}
