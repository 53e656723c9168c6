// Quest headsets show both eyes side by side on one panel (or two panels presented as one display):
// `wm size` reports the whole, e.g. Quest 2 and 3S 3664x1920 (1832x1920 per eye), Quest 3 4128x2208
// (2064x2208 per eye), Quest Pro 3600x1920, Quest (1) 2880x1600. One eye is the left half, which is what
// a teacher wants to see: the learner's view without the doubled picture.

export interface DisplaySize {
  readonly width: number;
  readonly height: number;
}

export function eyeCrop(display: DisplaySize): { width: number; height: number; x: number; y: number } | null {
  if (!Number.isInteger(display.width) || !Number.isInteger(display.height) || display.width < 32 || display.height < 16) return null;
  // A display taller than wide is not side-by-side: cast it whole.
  if (display.width <= display.height) return null;
  return { width: Math.floor(display.width / 2), height: display.height, x: 0, y: 0 };
}

/** `wm size`: "Physical size: WxH", and "Override size: WxH" when someone changed it (that one is what is shown). */
export function parseWmSize(output: string): DisplaySize | null {
  const override = /Override size:\s*(\d+)x(\d+)/.exec(output);
  const physical = /Physical size:\s*(\d+)x(\d+)/.exec(output);
  const match = override ?? physical;
  if (!match) return null;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return width > 0 && height > 0 && width <= 16384 && height <= 16384 ? { width, height } : null;
}
