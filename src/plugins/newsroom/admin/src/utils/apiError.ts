import { isFetchError } from '@strapi/strapi/admin';

export interface ApiFailure {
  /** The server's own words: each of a validation error's messages, or its message. */
  message: string;
  status?: number;
}

interface ErrorDetails {
  errors?: Array<{ message?: string }>;
}

/** What a refused request said, as Strapi's error body words it (a yup or zod ValidationError lists each problem). */
export function apiFailure(error: unknown): ApiFailure {
  if (!isFetchError(error)) return { message: error instanceof Error ? error.message : String(error) };
  const apiError = error.response?.data?.error;
  const listed = ((apiError?.details as ErrorDetails | undefined)?.errors ?? []).map((e) => e.message).filter((m): m is string => !!m);
  const message = listed.length > 0 ? [...new Set(listed)].join('; ') : (apiError?.message ?? error.message);
  return { message, status: error.status ?? apiError?.status };
}
