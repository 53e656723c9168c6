/**
 * Bounds of a course import (docs/decisions.md, "SCORM courses"). Real courses are a few hundred files and
 * rarely over 1 GB; a zip bomb or a million-entry archive must fail fast, before it fills the disk.
 */
export interface ImportLimits {
  /** Bytes of the uploaded zip itself. */
  readonly maxZipBytes: number;
  readonly maxEntries: number;
  /** Inflated bytes of the whole course, counted while extracting (declared sizes are not trusted). */
  readonly maxTotalBytes: number;
  /** Inflated bytes of one file. */
  readonly maxEntryBytes: number;
  /** inflated / compressed beyond which an entry (bigger than ratioFloorBytes) is a suspected bomb. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
  readonly maxPathBytes: number;
  readonly maxManifestBytes: number;
  /** Items in all organizations together, and their nesting depth. */
  readonly maxItems: number;
  readonly maxDepth: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxZipBytes: 4 * 1024 ** 3,
  maxEntries: 20_000,
  maxTotalBytes: 6 * 1024 ** 3,
  maxEntryBytes: 4 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 ** 2,
  maxPathBytes: 1024,
  maxManifestBytes: 4 * 1024 ** 2,
  maxItems: 5_000,
  maxDepth: 32,
};
