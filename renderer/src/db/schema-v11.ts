/**
 * Version 11: classes. A learner may belong to several classes (a school's class lists overlap), so
 * membership is its own table rather than a field on the learner row, which the catalog pull rewrites.
 * - classes: one per class list the instructor imported or named.
 * - classMembers: one row per learner in a class; by learner for "which classes", by class for the grid.
 * - headsetNames: the instructor's name for a headset ("Cart A 07"), kept by serial so it survives the
 *   headset leaving and coming back (main's live list is rebuilt from adb each time).
 * - kioskState: small settings of this kiosk's data, by key; today the class it shows ('currentClass').
 */
export const SCHEMA_V11 = {
  classes: 'id, name',
  classMembers: '[class_id+learner_id], class_id, learner_id',
  headsetNames: 'serial',
  kioskState: 'key',
} as const;

export interface KioskStateRow {
  readonly key: 'currentClass';
  readonly value: string;
}

export interface HeadsetNameRow {
  readonly serial: string;
  readonly name: string;
  readonly updated_at: string;
}

export interface ClassRow {
  readonly id: string;
  readonly name: string;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface ClassMemberRow {
  readonly class_id: string;
  readonly learner_id: string;
  /** The school's own id for the learner (a student number), when the class list had one. */
  readonly external_id: string | null;
  readonly added_at: string;
}
