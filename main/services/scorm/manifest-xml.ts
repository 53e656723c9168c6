import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { ScormImportError } from './import-error';

export const NS = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  adlcp2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
} as const;

/**
 * Parses imsmanifest.xml with a namespace-aware DOM. A DOCTYPE is refused outright: manifests never need
 * one, and it is how entity expansion ("billion laughs") and external entities get in. Any parser error
 * (not only fatal ones) refuses the file, so a half-understood manifest never becomes a course.
 */
export function parseManifestXml(text: string): Element {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ScormImportError('UNSAFE_MANIFEST', 'imsmanifest.xml declares a DOCTYPE or entities, which are not allowed');
  let document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    throw new ScormImportError('MALFORMED_MANIFEST', `imsmanifest.xml is not well-formed XML: ${(error as Error).message.split('\n', 1)[0] ?? ''}`);
  }
  const root = document.documentElement;
  if (!root || root.localName !== 'manifest') throw new ScormImportError('MALFORMED_MANIFEST', 'imsmanifest.xml has no <manifest> root element');
  return root;
}

/** Child elements with this local name (any namespace: 1.2 packages use several content-packaging ones). */
export function children(parent: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName?.toLowerCase() === localName.toLowerCase()) out.push(node as Element);
  }
  return out;
}

export function child(parent: Element, localName: string): Element | undefined {
  return children(parent, localName)[0];
}

export function text(element: Element | undefined): string | undefined {
  const value = element?.textContent?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** An attribute by local name, ignoring its prefix (adlcp:scormtype vs adlcp:scormType differ only in case). */
export function attr(element: Element, localName: string): string | undefined {
  const wanted = localName.toLowerCase();
  for (let i = 0; i < element.attributes.length; i += 1) {
    const a = element.attributes.item(i);
    if (a && (a.localName ?? a.name).toLowerCase() === wanted) return a.value;
  }
  return undefined;
}

export function xmlBase(element: Element): string {
  return element.getAttributeNS(NS.xml, 'base') ?? '';
}

export function numberAttr(element: Element, localName: string): number | undefined {
  const raw = attr(element, localName);
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

export function boolAttr(element: Element, localName: string): boolean | undefined {
  const raw = attr(element, localName)?.trim();
  return raw === 'true' ? true : raw === 'false' ? false : undefined;
}
