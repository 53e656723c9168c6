import { open } from 'node:fs/promises';

// APK Signature Scheme v2 as far as certificates go: an APK Signing Block before the central directory
// whose v2 entry names one signer and its certificate. Digests and signatures are left empty (nothing
// here verifies them); what tests need is a certificate that a reader and the package manager compare.

const V2_ID = 0x7109871a;
const MAGIC = Buffer.from('APK Sig Block 42', 'latin1');

function lp(...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  return Buffer.concat([head, body]);
}

function u64(value: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(BigInt(value), 0);
  return out;
}

export function signingBlock(certificate: Buffer): Buffer {
  const signedData = Buffer.concat([lp(), lp(lp(certificate)), lp()]);
  const signer = Buffer.concat([lp(signedData), lp(), lp()]);
  const value = lp(lp(signer));
  const idHead = Buffer.alloc(4);
  idHead.writeUInt32LE(V2_ID, 0);
  const pair = Buffer.concat([u64(4 + value.length), idHead, value]);
  const size = pair.length + 8 + MAGIC.length;
  return Buffer.concat([u64(size), pair, u64(size), MAGIC]);
}

/** Puts a signing block between the entries and the central directory of a zip yazl wrote (no comment). */
export async function insertSigningBlock(path: string, certificate: Buffer): Promise<void> {
  const file = await open(path, 'r+');
  try {
    const size = (await file.stat()).size;
    const eocd = Buffer.alloc(22);
    await file.read(eocd, 0, 22, size - 22);
    if (eocd.readUInt32LE(0) !== 0x06054b50) throw new Error('expected an end of central directory record with no comment');
    const cdSize = eocd.readUInt32LE(12);
    const cdOffset = eocd.readUInt32LE(16);
    const centralDirectory = Buffer.alloc(cdSize);
    await file.read(centralDirectory, 0, cdSize, cdOffset);
    const block = signingBlock(certificate);
    eocd.writeUInt32LE(cdOffset + block.length, 16);
    await file.truncate(cdOffset);
    await file.write(Buffer.concat([block, centralDirectory, eocd]), 0, block.length + cdSize + 22, cdOffset);
  } finally {
    await file.close();
  }
}

/** The fake package manager's own reading: the first certificate of the v2/v3 entry, as bytes. */
export async function certificateOf(path: string): Promise<Buffer | null> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const eocd = Buffer.alloc(22);
    await file.read(eocd, 0, 22, size - 22);
    if (eocd.readUInt32LE(0) !== 0x06054b50) return null;
    const cdOffset = eocd.readUInt32LE(16);
    const footer = Buffer.alloc(24);
    if (cdOffset < 24) return null;
    await file.read(footer, 0, 24, cdOffset - 24);
    if (!footer.subarray(8).equals(MAGIC)) return null;
    const blockSize = Number(footer.readBigUInt64LE(0));
    const block = Buffer.alloc(blockSize - 24);
    await file.read(block, 0, block.length, cdOffset - blockSize);
    let at = 0;
    while (at + 12 <= block.length) {
      const pairSize = Number(block.readBigUInt64LE(at));
      const id = block.readUInt32LE(at + 8);
      if (id === V2_ID || id === 0xf05368c0) {
        // value: signers(lp) > signer(lp) > signedData(lp) > digests(lp), certificates(lp) > cert(lp)
        let p = at + 12 + 4 + 4 + 4;
        p += 4 + block.readUInt32LE(p);
        const certLength = block.readUInt32LE(p + 4);
        return Buffer.from(block.subarray(p + 8, p + 8 + certLength));
      }
      at += 8 + pairSize;
    }
    return null;
  } finally {
    await file.close();
  }
}
