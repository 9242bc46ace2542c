import { errors } from '@strapi/utils';
import type { z } from 'zod';

/** Parses route input with a zod schema; bad input is a 400 in Strapi's error shape. */
export function validate<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
  }));
  const first = issues[0];
  const where = first.path.length ? ` at "${first.path.join('.')}"` : '';
  throw new errors.ValidationError(`Invalid ${what}${where}: ${first.message}`, { errors: issues });
}
