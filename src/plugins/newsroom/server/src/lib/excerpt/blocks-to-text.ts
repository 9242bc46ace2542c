import { normalizeStructuredText } from './normalize-text';
import { TextCollector, type ExtractedText } from './text-collector';

type Break = 'none' | 'line' | 'paragraph';

/** A list of sibling nodes being walked, and how to read them. */
interface Frame {
  readonly nodes: readonly unknown[];
  index: number;
  /** Inside a paragraph-like block: unknown node types are transparent wrappers. */
  readonly inline: boolean;
  /** Inside a list: blocks give line breaks, not paragraph breaks. */
  readonly inList: boolean;
  /** Emitted once the frame's nodes are done. */
  readonly after: Break;
}

// Blocks even where they are found among inline nodes ('list' and 'list-item' are handled apart).
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'code']);

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null; // not JSON: no readable blocks
  }
}

function emitBreak(out: TextCollector, kind: Break): void {
  if (kind === 'line') out.lineBreak();
  else if (kind === 'paragraph') out.paragraphBreak();
}

function emitText(out: TextCollector, text: string): void {
  // A newline inside a text node is a line break the editor typed (Shift+Enter).
  text.split('\n').forEach((line, index) => {
    if (index > 0) out.lineBreak();
    out.text(line);
  });
}

/**
 * The text of a Strapi Blocks body (an array of blocks, or its JSON string):
 * each block a paragraph, a list one paragraph with one line per item (nested
 * lists included), links and code by their text, images skipped. Anything
 * unexpected is read for whatever text it holds: unknown blocks as
 * paragraphs, unknown inline nodes as wrappers, other values ignored.
 * The walk uses an explicit stack (deep nesting cannot overflow the call
 * stack), visits each object once (a cyclic object cannot loop) and stops as
 * soon as `budget` characters have been gathered.
 */
export function extractBlocks(body: unknown, budget: number): ExtractedText {
  const out = new TextCollector(budget);
  const root = parseBody(body);
  const stack: Frame[] = [
    { nodes: Array.isArray(root) ? root : [root], index: 0, inline: false, inList: false, after: 'none' },
  ];
  const seen = new Set<object>();
  while (stack.length > 0) {
    if (out.full) return { normalized: normalizeStructuredText(out.toString()), complete: false };
    const frame = stack[stack.length - 1];
    if (frame.index >= frame.nodes.length) {
      stack.pop();
      emitBreak(out, frame.after);
      continue;
    }
    const node = frame.nodes[frame.index];
    frame.index += 1;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      stack.push({ ...frame, nodes: node, index: 0, after: 'none' });
      continue;
    }
    const { type, children, text } = node as Record<string, unknown>;
    if (type === 'image') continue;
    if (!Array.isArray(children)) {
      if (typeof text === 'string') emitText(out, text);
      continue;
    }
    if (type === 'list-item') {
      out.lineBreak();
      stack.push({ nodes: children, index: 0, inline: true, inList: true, after: 'line' });
    } else if (type === 'list') {
      stack.push(openBlock(out, frame.inList, children, false, true));
    } else if (!frame.inline || (typeof type === 'string' && BLOCK_TYPES.has(type))) {
      stack.push(openBlock(out, frame.inList, children, true, frame.inList));
    } else {
      stack.push({ nodes: children, index: 0, inline: true, inList: frame.inList, after: 'none' });
    }
  }
  return { normalized: normalizeStructuredText(out.toString()), complete: true };
}

/** Starts a block, which has a break before and after it (only a line break inside a list). */
function openBlock(
  out: TextCollector,
  inList: boolean,
  nodes: readonly unknown[],
  inline: boolean,
  childrenInList: boolean,
): Frame {
  const around: Break = inList ? 'line' : 'paragraph';
  emitBreak(out, around);
  return { nodes, index: 0, inline, inList: childrenInList, after: around };
}
