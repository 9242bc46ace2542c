/** "null", "a string", "an array", …: what a value is, for error messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** `["body", "0", "children", "1"]` → `body[0].children[1]`. */
export function formatPath(path: string[]): string {
  return path.map((key, i) => (/^\d+$/.test(key) ? `[${key}]` : `${i === 0 ? '' : '.'}${key}`)).join('');
}

// A node's place, kept as a link to its parent's: paths are built only for the node reported.
interface Trail {
  key: string;
  up: Trail | null;
}

const pathOf = (trail: Trail | null): string[] => {
  const path: string[] = [];
  for (let t = trail; t !== null; t = t.up) path.unshift(t.key);
  return path;
};

/**
 * The first node of a Blocks body (its blocks, and the `children` of each
 * node, depth first) that is not an object, with its path from the body; or
 * null. Strapi's own validator reads each node's `type` before checking it,
 * so a null node makes it throw a TypeError (a 500) instead of refusing it.
 * Walked with a stack of its own: deep nesting cannot overflow the call stack.
 */
export function firstNonObjectNode(blocks: unknown[]): { path: string[]; value: unknown } | null {
  const stack: Array<{ node: unknown; trail: Trail }> = [];
  const push = (nodes: unknown[], up: Trail | null) => {
    for (let i = nodes.length - 1; i >= 0; i -= 1) stack.push({ node: nodes[i], trail: { key: String(i), up } });
  };
  push(blocks, null);
  while (stack.length > 0) {
    const { node, trail } = stack.pop()!;
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return { path: pathOf(trail), value: node };
    const { children } = node as { children?: unknown };
    if (Array.isArray(children)) push(children, { key: 'children', up: trail });
  }
  return null;
}
