/**
 * Finds where a JSON Pointer points in a JSON text (for the lint marks of the „Erweitert“ editors),
 * using the Lezer JSON grammar CodeMirror highlights with.
 */
import { jsonLanguage } from '@codemirror/lang-json';
import type { SyntaxNode } from '@lezer/common';
import { splitPointer } from '../../../form-logic/json-pointer.js';

const VALUE_NODES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

const childrenOf = (node: SyntaxNode): SyntaxNode[] => {
  const list: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) list.push(child);
  return list;
};

const propertyName = (text: string, node: SyntaxNode): string | undefined => {
  try {
    return JSON.parse(text.slice(node.from, node.to)) as string;
  } catch {
    return undefined;
  }
};

/**
 * The text range of the deepest existing value on the way to `pointer` (for an object property,
 * the range of its name), or the whole first value when nothing matches.
 */
export function locatePointer(text: string, pointer: string): { from: number; to: number } {
  const tree = jsonLanguage.parser.parse(text);
  let node: SyntaxNode | null = tree.topNode.firstChild;
  while (node && !VALUE_NODES.has(node.name)) node = node.nextSibling;
  if (!node) return { from: 0, to: Math.min(text.length, 1) };
  let range = { from: node.from, to: Math.min(node.to, node.from + 1) };
  for (const token of splitPointer(pointer)) {
    let next: SyntaxNode | undefined;
    if (node.name === 'Object') {
      const property: SyntaxNode | undefined = childrenOf(node).find((child) => {
        if (child.name !== 'Property') return false;
        const name = child.getChild('PropertyName');
        return name !== null && propertyName(text, name) === token;
      });
      if (!property) break;
      const name = property.getChild('PropertyName')!;
      range = { from: name.from, to: name.to };
      next = childrenOf(property).find((child) => VALUE_NODES.has(child.name));
    } else if (node.name === 'Array' && /^\d+$/.test(token)) {
      next = childrenOf(node).filter((child) => VALUE_NODES.has(child.name))[Number(token)];
      if (next) range = { from: next.from, to: Math.min(next.to, next.from + 1) };
    }
    if (!next) break;
    node = next;
  }
  return range;
}

/** A JSON parse failure in German, at the first place the JSON grammar cannot read. */
export function parseProblem(text: string): { message: string; from: number; to: number } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    let from: number | undefined;
    jsonLanguage.parser.parse(text).iterate({
      enter: (node) => {
        if (from === undefined && node.type.isError) from = node.from;
        return from === undefined;
      },
    });
    const at = Math.min(from ?? text.length, text.length);
    return {
      message: `Kein gültiges JSON: Fehler bei Zeichen ${at + 1} (z. B. fehlendes Komma, Anführungszeichen oder eine überzählige Klammer).`,
      from: at,
      to: Math.min(at + 1, text.length),
    };
  }
}
