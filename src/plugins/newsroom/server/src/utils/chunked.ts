/** `items` in consecutive slices of at most `size` (500: well under every database's bound-parameter limit). */
export const chunked = <T>(items: readonly T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
