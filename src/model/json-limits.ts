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

/**
 * What is wrong with the shape of `value`, or undefined. Memoised per shared node, so alias
 * bombs stay cheap. With `tree`, the caller knows no node is reachable twice (a YAML document
 * without aliases): the answer is the same, without two map entries per node (a large
 * kubectl dump has millions).
 */
export function shapeProblem(value: unknown, lim: ShapeLimits, opts: { tree?: boolean } = {}): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const memo = !opts.tree;
  const sizes = new Map<object, number>();
  const depths = new Map<object, number>();
  const onStack = new Set<object>();
  type Frame = { node: object; children: unknown[]; next: number; size: number; depth: number };
  const open = (node: object): Frame => {
    if (memo) onStack.add(node);
    return { node, children: Array.isArray(node) ? node : Object.values(node), next: 0, size: 1, depth: 0 };
  };
  const stack: Frame[] = [open(value)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (stack.length > lim.maxDepth) return `the document is nested more than ${lim.maxDepth} levels deep`;
    if (top.next < top.children.length) {
      const c = top.children[top.next++];
      if (c === null || typeof c !== 'object') { top.size += 1; continue; }
      const known = memo ? sizes.get(c) : undefined;
      if (known !== undefined) {
        top.size += known;
        top.depth = Math.max(top.depth, depths.get(c)!);
      } else if (memo && onStack.has(c)) {
        return 'the document refers to itself (recursive alias)';
      } else {
        stack.push(open(c));
        continue;
      }
    } else {
      stack.pop();
      if (memo) {
        onStack.delete(top.node);
        sizes.set(top.node, top.size);
        depths.set(top.node, top.depth + 1);
      }
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

