import { z } from 'zod';

/**
 * An LRS's answer to a statement write (xAPI 1.0.3, Communication §2.1): POST answers 200 with the ids of
 * the statements it stored, in order; PUT answers 204 with no body (read as null).
 */
export const lrsPostAnswerSchema = z.union([z.array(z.uuid()).max(1000), z.null()]);
