// Nesting depth and size of untrusted parsed data (manifests, design files, share links),
// checked with an explicit stack: a hostile input nested thousands of levels deep must get a
// clear message, never overflow the call stack in a recursive check or a later JSON.stringify.

export interface ShapeLimits {
  /** Collection nesting depth. */
  maxDepth: number;
  /** Nodes, counting shared (aliased) nodes once per reference. */
  maxExpandedNodes: number;
}

/** Limits for design documents (files, autosave, share links): far above any real design. */
export const DESIGN_LIMITS: ShapeLimits = { maxDepth: 100, maxExpandedNodes: 20_000_000 };

/** What is wrong with the shape of `value`, or undefined. Memoised per shared node, so alias bombs stay cheap. */
export function shapeProblem(value: unknown, lim: ShapeLimits): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const sizes = new Map<object, number>();
  const depths = new Map<object, number>();
  const onStack = new Set<object>();
  type Frame = { node: object; children: unknown[]; next: number; size: number; depth: number };
  const open = (node: object): Frame => {
    onStack.add(node);
    return { node, children: Array.isArray(node) ? node : Object.values(node), next: 0, size: 1, depth: 0 };
  };
  const stack: Frame[] = [open(value)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (stack.length > lim.maxDepth) return `the document is nested more than ${lim.maxDepth} levels deep`;
    if (top.next < top.children.length) {
      const c = top.children[top.next++];
      if (c === null || typeof c !== 'object') { top.size += 1; continue; }
      const known = sizes.get(c);
      if (known !== undefined) {
        top.size += known;
        top.depth = Math.max(top.depth, depths.get(c)!);
      } else if (onStack.has(c)) {
        return 'the document refers to itself (recursive alias)';
      } else {
        stack.push(open(c));
        continue;
      }
    } else {
      stack.pop();
      onStack.delete(top.node);
      sizes.set(top.node, top.size);
      depths.set(top.node, top.depth + 1);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.size += top.size;
        parent.depth = Math.max(parent.depth, top.depth + 1);
      }
    }
    if (top.size > lim.maxExpandedNodes) return `the document expands to more than ${lim.maxExpandedNodes} nodes (too many aliases?)`;
    if (top.depth + 1 > lim.maxDepth) return `the document is nested more than ${lim.maxDepth} levels deep`;
  }
  return undefined;
}

