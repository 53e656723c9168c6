// Android binary XML (AXML), the compiled form of AndroidManifest.xml inside an
// APK: a RES_XML_TYPE chunk holding a UTF-16 string pool, a resource map for the
// android: attribute names, and start/end namespace and element chunks whose
// attributes carry typed values (Res_value), as aapt2 emits them.

export const ANDROID_NS_URI = 'http://schemas.android.com/apk/res/android';

/** Framework attribute ids (android.R.attr) the manifests we build use. */
export const ANDROID_ATTR = {
  label: 0x01010001,
  name: 0x01010003,
  hasCode: 0x0101000c,
  exported: 0x01010010,
  value: 0x01010024,
  minSdkVersion: 0x0101020c,
  versionCode: 0x0101021b,
  versionName: 0x0101021c,
  targetSdkVersion: 0x01010270,
  required: 0x0101028e,
} as const;

export type AndroidAttrName = keyof typeof ANDROID_ATTR;

export type AttributeValue = { type: 'string'; value: string } | { type: 'int'; value: number } | { type: 'bool'; value: boolean };

export interface XmlAttribute {
  /** android: attributes get the namespace and a resource id; others (like package) have neither. */
  android: boolean;
  name: string;
  value: AttributeValue;
}

export interface XmlElement {
  name: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
}

const RES_STRING_POOL_TYPE = 0x0001;
const RES_XML_TYPE = 0x0003;
const RES_XML_START_NAMESPACE_TYPE = 0x0100;
const RES_XML_END_NAMESPACE_TYPE = 0x0101;
const RES_XML_START_ELEMENT_TYPE = 0x0102;
const RES_XML_END_ELEMENT_TYPE = 0x0103;
const RES_XML_RESOURCE_MAP_TYPE = 0x0180;

const TYPE_STRING = 0x03;
const TYPE_INT_DEC = 0x10;
const TYPE_INT_BOOLEAN = 0x12;

const NO_INDEX = 0xffffffff;

export function androidAttr(name: AndroidAttrName, value: AttributeValue): XmlAttribute {
  return { android: true, name, value };
}

export function plainAttr(name: string, value: AttributeValue): XmlAttribute {
  return { android: false, name, value };
}

export function element(name: string, attributes: XmlAttribute[], children: XmlElement[] = []): XmlElement {
  return { name, attributes, children };
}

function resourceId(attr: XmlAttribute): number | null {
  if (!attr.android) return null;
  const id = (ANDROID_ATTR as Record<string, number>)[attr.name];
  if (id === undefined) throw new Error(`no resource id known for android:${attr.name}`);
  return id;
}

function walk(node: XmlElement, visit: (node: XmlElement) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

/**
 * The string pool must start with the resource-id'd attribute names, in the
 * same order as the resource map, because that is how parsers pair them.
 */
class StringPool {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  add(value: string): number {
    const existing = this.index.get(value);
    if (existing !== undefined) return existing;
    this.strings.push(value);
    this.index.set(value, this.strings.length - 1);
    return this.strings.length - 1;
  }

  get(value: string): number {
    const found = this.index.get(value);
    if (found === undefined) throw new Error(`string not pooled: ${value}`);
    return found;
  }

  encode(): Buffer {
    const data = this.strings.map((s) => {
      if (s.length > 0x7fff) throw new Error('string too long for a one-word length');
      const buf = Buffer.alloc(2 + s.length * 2 + 2);
      buf.writeUInt16LE(s.length, 0);
      buf.write(s, 2, 'utf16le');
      return buf;
    });
    const headerSize = 28;
    const offsetsSize = this.strings.length * 4;
    const body = Buffer.concat(data);
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    const out = Buffer.alloc(headerSize + offsetsSize);
    out.writeUInt16LE(RES_STRING_POOL_TYPE, 0);
    out.writeUInt16LE(headerSize, 2);
    out.writeUInt32LE(headerSize + offsetsSize + padded.length, 4);
    out.writeUInt32LE(this.strings.length, 8);
    out.writeUInt32LE(0, 12); // styles
    out.writeUInt32LE(0, 16); // flags: UTF-16, unsorted
    out.writeUInt32LE(headerSize + offsetsSize, 20);
    out.writeUInt32LE(0, 24);
    let offset = 0;
    data.forEach((d, i) => {
      out.writeUInt32LE(offset, headerSize + i * 4);
      offset += d.length;
    });
    return Buffer.concat([out, padded]);
  }
}

function nodeHeader(type: number, size: number, line: number): Buffer {
  const buf = Buffer.alloc(16);
  buf.writeUInt16LE(type, 0);
  buf.writeUInt16LE(16, 2);
  buf.writeUInt32LE(size, 4);
  buf.writeUInt32LE(line, 8);
  buf.writeUInt32LE(NO_INDEX, 12);
  return buf;
}

function namespaceChunk(type: number, pool: StringPool, line: number): Buffer {
  const ext = Buffer.alloc(8);
  ext.writeUInt32LE(pool.get('android'), 0);
  ext.writeUInt32LE(pool.get(ANDROID_NS_URI), 4);
  return Buffer.concat([nodeHeader(type, 24, line), ext]);
}

function typedValue(attr: XmlAttribute, pool: StringPool): { raw: number; type: number; data: number } {
  switch (attr.value.type) {
    case 'string': {
      const index = pool.get(attr.value.value);
      return { raw: index, type: TYPE_STRING, data: index };
    }
    case 'int':
      return { raw: NO_INDEX, type: TYPE_INT_DEC, data: attr.value.value >>> 0 };
    case 'bool':
      return { raw: NO_INDEX, type: TYPE_INT_BOOLEAN, data: attr.value.value ? 0xffffffff : 0 };
  }
}

function startElementChunk(node: XmlElement, pool: StringPool, line: number): Buffer {
  // aapt2 sorts attributes by resource id; unnamespaced ones (package, ...) go last.
  const attrs = [...node.attributes].sort((a, b) => (resourceId(a) ?? 0x7fffffff) - (resourceId(b) ?? 0x7fffffff));
  const ext = Buffer.alloc(20 + attrs.length * 20);
  ext.writeUInt32LE(NO_INDEX, 0);
  ext.writeUInt32LE(pool.get(node.name), 4);
  ext.writeUInt16LE(20, 8); // attributeStart
  ext.writeUInt16LE(20, 10); // attributeSize
  ext.writeUInt16LE(attrs.length, 12);
  attrs.forEach((attr, i) => {
    const at = 20 + i * 20;
    const value = typedValue(attr, pool);
    ext.writeUInt32LE(attr.android ? pool.get(ANDROID_NS_URI) : NO_INDEX, at);
    ext.writeUInt32LE(pool.get(attr.name), at + 4);
    ext.writeUInt32LE(value.raw, at + 8);
    ext.writeUInt16LE(8, at + 12);
    ext.writeUInt8(0, at + 14);
    ext.writeUInt8(value.type, at + 15);
    ext.writeUInt32LE(value.data, at + 16);
  });
  return Buffer.concat([nodeHeader(RES_XML_START_ELEMENT_TYPE, 16 + ext.length, line), ext]);
}

function endElementChunk(node: XmlElement, pool: StringPool, line: number): Buffer {
  const ext = Buffer.alloc(8);
  ext.writeUInt32LE(NO_INDEX, 0);
  ext.writeUInt32LE(pool.get(node.name), 4);
  return Buffer.concat([nodeHeader(RES_XML_END_ELEMENT_TYPE, 24, line), ext]);
}

export function encodeBinaryXml(root: XmlElement): Buffer {
  const pool = new StringPool();
  const resourceIds: number[] = [];
  walk(root, (node) => {
    for (const attr of node.attributes) {
      const id = resourceId(attr);
      if (id !== null && !pool.strings.includes(attr.name)) {
        pool.add(attr.name);
        resourceIds.push(id);
      }
    }
  });
  pool.add('android');
  pool.add(ANDROID_NS_URI);
  walk(root, (node) => {
    pool.add(node.name);
    for (const attr of node.attributes) {
      pool.add(attr.name);
      if (attr.value.type === 'string') pool.add(attr.value.value);
    }
  });

  const resourceMap = Buffer.alloc(8 + resourceIds.length * 4);
  resourceMap.writeUInt16LE(RES_XML_RESOURCE_MAP_TYPE, 0);
  resourceMap.writeUInt16LE(8, 2);
  resourceMap.writeUInt32LE(resourceMap.length, 4);
  resourceIds.forEach((id, i) => resourceMap.writeUInt32LE(id, 8 + i * 4));

  const nodes: Buffer[] = [namespaceChunk(RES_XML_START_NAMESPACE_TYPE, pool, 1)];
  let line = 1;
  const emit = (node: XmlElement): void => {
    line += 1;
    nodes.push(startElementChunk(node, pool, line));
    for (const child of node.children) emit(child);
    nodes.push(endElementChunk(node, pool, line));
  };
  emit(root);
  nodes.push(namespaceChunk(RES_XML_END_NAMESPACE_TYPE, pool, 1));

  const body = Buffer.concat([pool.encode(), resourceMap, ...nodes]);
  const header = Buffer.alloc(8);
  header.writeUInt16LE(RES_XML_TYPE, 0);
  header.writeUInt16LE(8, 2);
  header.writeUInt32LE(8 + body.length, 4);
  return Buffer.concat([header, body]);
}
