/**
 * The committed OpenAPI document (`npm run openapi`, openapi/content-api.json)
 * from what Strapi's generator (`@strapi/openapi`, behind `strapi openapi
 * generate`) makes of the routes. Pure: unit-tested alone.
 */

interface Generated {
  paths: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * Strapi's generator takes everything from `:` to the next `/` as a
 * parameter's name: `/tags/:slug.txt` becomes `/tags/{slug.txt}`, a
 * parameter the operation does not declare. The suffix goes back outside
 * the braces: `/tags/{slug}.txt`.
 */
export const openapiPath = (path: string): string => path.replace(/\{(\w+)([^}\w][^}]*)\}/g, '{$1}$2');

/**
 * The generator gives `publishedAt` the moment it ran as its default (it
 * evaluates the field's default, "now"): left out, so that the document
 * changes only when a route or a schema does.
 */
function withoutGeneratedAt(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutGeneratedAt);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key === 'publishedAt' && item !== null && typeof item === 'object' && 'default' in item) {
        const { default: _now, ...rest } = item as Record<string, unknown>;
        return [key, withoutGeneratedAt(rest)];
      }
      return [key, withoutGeneratedAt(item)];
    }),
  );
}

export function openapiDocument(generated: Generated): Generated {
  const paths = Object.fromEntries(Object.entries(generated.paths).map(([path, item]) => [openapiPath(path), item]));
  return withoutGeneratedAt({ ...generated, paths }) as Generated;
}
