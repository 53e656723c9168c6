import { z } from 'zod';
import { nonEmptyStringSchema } from './common';

export const SCORM_VERSIONS = ['1.2', '2004'] as const;
export const scormVersionSchema = z.enum(SCORM_VERSIONS);
export type ScormVersion = z.infer<typeof scormVersionSchema>;

/** 2004 editions differ in sequencing and data-model details the player must honour. */
export const SCORM_2004_EDITIONS = ['2nd', '3rd', '4th'] as const;
export const scorm2004EditionSchema = z.enum(SCORM_2004_EDITIONS);
export type Scorm2004Edition = z.infer<typeof scorm2004EditionSchema>;

/**
 * A launch href is resolved against the package's own origin, so it must stay relative and inside the
 * package: no scheme, no leading slash, no `..` segment. The importer stores it already normalised
 * (xml:base applied), so even a `..` that would stay inside is treated as suspect.
 */
export const scormLaunchHrefSchema = nonEmptyStringSchema
  .refine((href) => !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(href), 'Must be relative, without a scheme')
  .refine((href) => !href.startsWith('/') && !href.startsWith('\\'), 'Must not start with a slash')
  .refine((href) => !(href.split(/[?#]/, 1)[0] ?? '').split(/[/\\]/).includes('..'), 'Must not contain ".." segments');
export type ScormLaunchHref = z.infer<typeof scormLaunchHrefSchema>;

/**
 * The SCORM seed names packages only by id ("pkg_abc123"); this is what Outpost reads from
 * imsmanifest.xml on import. Ids are opaque strings, as in the seed.
 */
export const scormPackageSchema = z
  .object({
    id: nonEmptyStringSchema,
    title: z.string(),
    version: scormVersionSchema,
    edition: scorm2004EditionSchema.optional(),
    launch_href: scormLaunchHrefSchema,
    /** SCORM 1.2 adlcp:masteryscore, 0-100. */
    mastery_score: z.number().min(0).max(100).optional(),
    /** SCORM 2004 imsss:minNormalizedMeasure, -1..1. */
    scaled_passing_score: z.number().min(-1).max(1).optional(),
  })
  .refine((p) => p.edition === undefined || p.version === '2004', {
    path: ['edition'],
    message: 'Only SCORM 2004 has editions',
  });
export type ScormPackage = z.infer<typeof scormPackageSchema>;
