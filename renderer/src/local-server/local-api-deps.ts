import type { CompletionPorts } from '../data/vr-completion-statement';

/** The local API writes through the data layer, so it needs exactly the data layer's ports. */
export type LocalApiDeps = CompletionPorts;
