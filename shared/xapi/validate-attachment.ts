import {
  checkArray,
  checkIri,
  checkIrl,
  checkKnownKeys,
  checkLanguageMap,
  checkNumber,
  checkObject,
  checkString,
} from './field-checks';
import type { XapiValidationErrors } from './validation-issue';
import { childPath } from './validation-issue';

const ATTACHMENT_KEYS: readonly string[] = [
  'usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl',
];
const REQUIRED: readonly string[] = ['usageType', 'display', 'contentType', 'length', 'sha2'];
// RFC 2045 type "/" subtype with optional parameters; SHA-224, -256, -384 or -512 as hex.
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*(?:;.*)?$/;
const SHA2_HEX = /^(?:[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;

/** Data 2.4.11: an ordered array of Attachment headers (the payloads travel outside the Statement). */
export function validateAttachments(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkArray(value, path, errors)) return;
  value.forEach((attachment, index) => {
    const itemPath = childPath(path, index);
    if (!checkObject(attachment, itemPath, errors)) return;
    checkKnownKeys(attachment, ATTACHMENT_KEYS, itemPath, errors);
    for (const key of REQUIRED) {
      if (attachment[key] === undefined) errors.push({ path: childPath(itemPath, key), message: 'is required' });
    }
    const { usageType, display, description, contentType, length, sha2, fileUrl } = attachment;
    if (usageType !== undefined) checkIri(usageType, childPath(itemPath, 'usageType'), errors);
    if (display !== undefined) checkLanguageMap(display, childPath(itemPath, 'display'), errors);
    if (description !== undefined) checkLanguageMap(description, childPath(itemPath, 'description'), errors);
    const typePath = childPath(itemPath, 'contentType');
    if (contentType !== undefined && checkString(contentType, typePath, errors) && !MEDIA_TYPE.test(contentType)) {
      errors.push({ path: typePath, message: 'must be an Internet media type such as "image/png"' });
    }
    const lengthPath = childPath(itemPath, 'length');
    if (length !== undefined && checkNumber(length, lengthPath, errors) && (!Number.isInteger(length) || length < 0)) {
      errors.push({ path: lengthPath, message: 'must be a non-negative integer (octets)' });
    }
    const shaPath = childPath(itemPath, 'sha2');
    if (sha2 !== undefined && checkString(sha2, shaPath, errors) && !SHA2_HEX.test(sha2)) {
      errors.push({ path: shaPath, message: 'must be a hex-encoded SHA-2 hash' });
    }
    if (fileUrl !== undefined) checkIrl(fileUrl, childPath(itemPath, 'fileUrl'), errors);
  });
}
