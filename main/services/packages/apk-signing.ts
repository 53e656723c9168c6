import { open } from 'node:fs/promises';

/** EOCD (22 bytes) plus the longest zip comment. */
const EOCD_SEARCH_BYTES = 22 + 0xffff;
/** Real APK signing blocks are a few KB (a few certificates and signatures); anything past this is refused. */
const MAX_SIGNING_BLOCK_BYTES = 4 * 1024 * 1024;
const V2_ID = 0x7109871a;
const V3_ID = 0xf05368c0;

function lengthPrefixed(buffer: Buffer, at: number, end: number): { value: Buffer; next: number } | null {
  if (at + 4 > end) return null;
  const size = buffer.readUInt32LE(at);
  if (at + 4 + size > end) return null;
  return { value: buffer.subarray(at + 4, at + 4 + size), next: at + 4 + size };
}

/** signers → first signer → signed data → certificates → first certificate (X.509 DER). */
function firstCertificate(scheme: Buffer): Buffer | null {
  const signers = lengthPrefixed(scheme, 0, scheme.length);
  const signer = signers && lengthPrefixed(signers.value, 0, signers.value.length);
  const signedData = signer && lengthPrefixed(signer.value, 0, signer.value.length);
  if (!signedData) return null;
  const data = signedData.value;
  const digests = lengthPrefixed(data, 0, data.length);
  const certificates = digests && lengthPrefixed(data, digests.next, data.length);
  const certificate = certificates && lengthPrefixed(certificates.value, 0, certificates.value.length);
  return certificate && certificate.value.length > 0 ? Buffer.from(certificate.value) : null;
}

/**
 * The signing certificate of an APK signed with scheme v2 or v3 (what Quest apps use), read from the APK
 * Signing Block just before the central directory; null for an unsigned or v1-only APK. Only the tail of
 * the file is read, every length is checked against what is there, and the block size is capped.
 */
export async function readSigningCertificate(path: string): Promise<Buffer | null> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const tailSize = Math.min(size, EOCD_SEARCH_BYTES);
    const tail = Buffer.alloc(tailSize);
    await file.read(tail, 0, tailSize, size - tailSize);
    let eocd = -1;
    for (let at = tailSize - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === 0x06054b50) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) return null;
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset < 32 || cdOffset > size) return null;
    const footer = Buffer.alloc(24);
    await file.read(footer, 0, 24, cdOffset - 24);
    if (footer.toString('latin1', 8, 24) !== 'APK Sig Block 42') return null;
    const blockSize = Number(footer.readBigUInt64LE(0));
    if (blockSize > MAX_SIGNING_BLOCK_BYTES || blockSize < 24 || blockSize + 8 > cdOffset) return null;
    const pairs = Buffer.alloc(blockSize - 24);
    await file.read(pairs, 0, pairs.length, cdOffset - blockSize);
    const schemes = new Map<number, Buffer>();
    for (let at = 0; at + 12 <= pairs.length; ) {
      const pairSize = Number(pairs.readBigUInt64LE(at));
      if (pairSize < 4 || at + 8 + pairSize > pairs.length) return null;
      schemes.set(pairs.readUInt32LE(at + 8), pairs.subarray(at + 12, at + 8 + pairSize));
      at += 8 + pairSize;
    }
    const scheme = schemes.get(V3_ID) ?? schemes.get(V2_ID);
    return scheme ? firstCertificate(scheme) : null;
  } finally {
    await file.close();
  }
}

/**
 * android.content.pm.Signature#hashCode (Arrays.hashCode over the certificate's bytes) as
 * Integer.toHexString prints it: what `dumpsys package` lists under "signatures:[...]".
 */
export function androidSignatureHash(certificate: Uint8Array): string {
  let hash = 1;
  for (const byte of certificate) hash = (Math.imul(31, hash) + ((byte << 24) >> 24)) | 0;
  return (hash >>> 0).toString(16);
}
