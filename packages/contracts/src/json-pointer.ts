// JSON Pointers (RFC 6901) into form data: the server's prefill rules name fields by pointer, and the
// portal merges what the server filled into what the person is typing by the same pointers.

/** A JSON Pointer (RFC 6901) to a value inside an object: "" is the whole, "/a/b" a nested member. */
export const JSON_POINTER = /^(\/([^~/]|~[01])*)+$/;

/** The reference tokens of a pointer, unescaped (`~1` → `/`, `~0` → `~`). */
export function pointerTokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a pointer, or undefined when any step is missing (arrays by index, own members only). */
export function valueAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const token of pointerTokens(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** A copy of the object with the value set at the pointer, creating the objects on the way. */
export function withValueAt(root: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = pointerTokens(pointer);
  if (head === undefined) return root;
  if (head === '__proto__' || head === 'constructor' || head === 'prototype') return root;
  if (rest.length === 0) return { ...root, [head]: value };
  const child = root[head];
  const inner = child !== null && typeof child === 'object' && !Array.isArray(child) ? (child as Record<string, unknown>) : {};
  return { ...root, [head]: withValueAt(inner, '/' + rest.map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1')).join('/'), value) };
}

/** A form value nobody has filled yet: prefill may fill it, and fills nothing else. */
export const isUnfilled = (value: unknown): boolean => value === undefined || value === null || value === '';
