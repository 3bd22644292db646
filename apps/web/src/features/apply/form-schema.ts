// The platform's UI schema (services/service-definition.ts on the server) in the shape
// react-jsonschema-form reads: `ui:enumLabels` becomes the enum's option labels, and dates, phone
// numbers and e-mail use the browser's own inputs (typeable, accessible, mobile keyboards).

import { isUnfilled, pointerTokens, valueAt, withValueAt } from '@congso/contracts';

type Node = Record<string, unknown>;

const WIDGETS: Record<string, Node> = {
  date: { 'ui:widget': 'text', 'ui:options': { inputType: 'date' } },
  tel: { 'ui:widget': 'text', 'ui:options': { inputType: 'tel' } },
  email: { 'ui:widget': 'text', 'ui:options': { inputType: 'email' } },
  number: { 'ui:widget': 'updown' },
};

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Converts one UI node against its schema node, recursively. */
export function toRjsfUiSchema(schema: unknown, ui: unknown): Node {
  if (!isNode(ui)) return {};
  const node: Node = {};
  const props = isNode(schema) && isNode(schema.properties) ? schema.properties : {};
  for (const [key, value] of Object.entries(ui)) {
    if (key === 'ui:enumLabels' && isNode(value) && isNode(schema) && Array.isArray(schema.enum)) {
      node['ui:enumNames'] = schema.enum.map((option) => String(value[String(option)] ?? option));
    } else if (key === 'ui:widget' && typeof value === 'string') {
      Object.assign(node, WIDGETS[value] ?? { 'ui:widget': value });
    } else if (key === 'items') {
      node.items = toRjsfUiSchema(isNode(schema) ? schema.items : undefined, value);
    } else if (key.startsWith('ui:')) {
      node[key] = value;
    } else {
      node[key] = toRjsfUiSchema(props[key], value);
    }
  }
  return node;
}

/** A title for a path in the form data (for the review page), from the UI schema. */
export function titleAt(ui: unknown, path: readonly string[]): string {
  let node: unknown = ui;
  for (const key of path) node = isNode(node) ? (node[key] ?? (isNode(node.items) ? node.items : undefined)) : undefined;
  return isNode(node) && typeof node['ui:title'] === 'string' ? node['ui:title'] : path.at(-1) ?? '';
}

/** The label of an enumerated value, for the review page. */
export function labelOf(ui: unknown, path: readonly string[], value: unknown): string {
  let node: unknown = ui;
  for (const key of path) node = isNode(node) ? node[key] : undefined;
  const labels = isNode(node) && isNode(node['ui:enumLabels']) ? node['ui:enumLabels'] : null;
  if (labels && typeof labels[String(value)] === 'string') return labels[String(value)] as string;
  return String(value);
}

/** Server form errors ({ path: '/child/dateOfBirth', message }) as rjsf's extraErrors tree. */
export function toExtraErrors(errors: readonly { path: string; message: string }[]): Node {
  const tree: Node = {};
  for (const { path, message } of errors) {
    let node = tree;
    for (const key of path.split('/').filter(Boolean)) {
      node[key] ??= {};
      node = node[key] as Node;
    }
    const list = (node.__errors ??= []) as string[];
    list.push(message);
  }
  return tree;
}

/**
 * The UI schema with a note under each field filled from a registry ("from the population
 * registry"), before the field's own help. Pointers are the server's (RFC 6901).
 */
export function withPrefillNotes(ui: Node, fields: readonly { pointer: string; note: string }[]): Node {
  let out = ui;
  for (const { pointer, note } of fields) out = noted(out, pointerTokens(pointer), note);
  return out;
}

function noted(node: Node, path: readonly string[], note: string): Node {
  const [head, ...rest] = path;
  if (head === undefined) {
    const help = typeof node['ui:help'] === 'string' ? ` ${node['ui:help']}` : '';
    return { ...node, 'ui:help': `${note}.${help}` };
  }
  const child = isNode(node[head]) ? node[head] : {};
  return { ...node, [head]: noted(child, rest, note) };
}

/**
 * The form the person sees once the server has answered with its prefilled draft: what they typed
 * meanwhile stays, and each field the server filled from a registry fills in only if it is still
 * empty there (the server never overwrites typed values either).
 */
export function mergePrefilled(current: Node, filled: Node, pointers: readonly string[]): Node {
  let out = current;
  for (const pointer of pointers) {
    const mine = valueAt(out, pointer);
    const theirs = valueAt(filled, pointer);
    if (isUnfilled(mine) && theirs !== undefined) out = withValueAt(out, pointer, theirs);
  }
  return out;
}
