// A tiny real H.264 encoder for the emulated headset's screen: Baseline profile, CAVLC, every coded
// macroblock I_PCM (raw samples, no transform, so what a decoder outputs is exactly what we drew).
// Key frames code every macroblock; delta frames (P slices) code only the macroblocks that changed and
// skip the rest, so a counter ticking on a still picture costs a few KiB a frame, as a real encoder's
// output would. The picture is a test pattern: the headset's colour, the frame counter as a grid of
// black/white cells (read back from decoded pixels with `readTestPattern`) and in big digits.

const MB = 16;

/** Exp-Golomb and fixed-width bit writer producing an RBSP (no emulation prevention yet). */
class BitWriter {
  private buffer = new Uint8Array(4096);
  private length = 0;
  private current = 0;
  private bits = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra + 1024));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  u(count: number, value: number): void {
    for (let i = count - 1; i >= 0; i--) this.bit((value >>> i) & 1);
  }

  bit(value: number): void {
    this.current = (this.current << 1) | (value & 1);
    this.bits += 1;
    if (this.bits === 8) {
      this.ensure(1);
      this.buffer[this.length++] = this.current;
      this.current = 0;
      this.bits = 0;
    }
  }

  ue(value: number): void {
    const coded = value + 1;
    const length = 32 - Math.clz32(coded);
    this.u(length - 1, 0);
    this.u(length, coded);
  }

  se(value: number): void {
    this.ue(value <= 0 ? -2 * value : 2 * value - 1);
  }

  alignZero(): void {
    while (this.bits !== 0) this.bit(0);
  }

  /** Whole bytes; only when aligned (PCM samples). */
  raw(data: Uint8Array): void {
    if (this.bits !== 0) throw new Error('raw bytes need byte alignment');
    this.ensure(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  trailing(): Uint8Array {
    this.bit(1);
    this.alignZero();
    return this.buffer.slice(0, this.length);
  }
}

/** NAL unit with a 4-byte start code, emulation prevention applied to the RBSP. */
function nal(refIdc: number, type: number, rbsp: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + rbsp.length + Math.ceil(rbsp.length / 2) + 1);
  out.set([0, 0, 0, 1, (refIdc << 5) | type]);
  let n = 5;
  let zeros = 0;
  for (let i = 0; i < rbsp.length; i++) {
    const byte = rbsp[i] as number;
    if (zeros >= 2 && byte <= 3) {
      out[n++] = 3;
      zeros = 0;
    }
    out[n++] = byte;
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return out.slice(0, n);
}

/** A picture in 8-bit YUV 4:2:0, coded size (multiples of 16), shown size may be smaller (SPS cropping). */
export interface YuvPicture {
  readonly width: number;
  readonly height: number;
  readonly codedWidth: number;
  readonly codedHeight: number;
  readonly y: Uint8Array;
  readonly u: Uint8Array;
  readonly v: Uint8Array;
}

export function createPicture(width: number, height: number): YuvPicture {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16 || width % 2 !== 0 || height % 2 !== 0 || width > 4096 || height > 4096) {
    throw new Error(`unsupported picture size ${width}x${height}`);
  }
  const codedWidth = Math.ceil(width / MB) * MB;
  const codedHeight = Math.ceil(height / MB) * MB;
  return {
    width,
    height,
    codedWidth,
    codedHeight,
    y: new Uint8Array(codedWidth * codedHeight).fill(16),
    u: new Uint8Array((codedWidth / 2) * (codedHeight / 2)).fill(128),
    v: new Uint8Array((codedWidth / 2) * (codedHeight / 2)).fill(128),
  };
}

/** Level 3.1 covers up to 3600 macroblocks a frame (1280x720); larger pictures use level 4.0. */
function levelFor(picture: YuvPicture): number {
  return (picture.codedWidth / MB) * (picture.codedHeight / MB) <= 3600 ? 31 : 40;
}

/** The stream's configuration (what scrcpy sends as its config packet): SPS then PPS. */
export function encodeConfiguration(picture: YuvPicture): Uint8Array {
  const sps = new BitWriter();
  sps.u(8, 66); // Baseline
  sps.u(8, 0xc0); // constraint_set0 and set1: constrained baseline
  sps.u(8, levelFor(picture));
  sps.ue(0); // seq_parameter_set_id
  sps.ue(0); // log2_max_frame_num_minus4: frame_num has 4 bits
  sps.ue(2); // pic_order_cnt_type 2: output order is decode order
  sps.ue(1); // max_num_ref_frames
  sps.bit(0); // gaps_in_frame_num_value_allowed_flag
  sps.ue(picture.codedWidth / MB - 1);
  sps.ue(picture.codedHeight / MB - 1);
  sps.bit(1); // frame_mbs_only_flag
  sps.bit(1); // direct_8x8_inference_flag
  const cropRight = (picture.codedWidth - picture.width) / 2;
  const cropBottom = (picture.codedHeight - picture.height) / 2;
  const cropping = cropRight > 0 || cropBottom > 0;
  sps.bit(cropping ? 1 : 0);
  if (cropping) {
    sps.ue(0);
    sps.ue(cropRight);
    sps.ue(0);
    sps.ue(cropBottom);
  }
  sps.bit(1); // vui_parameters_present_flag: only to say "no reordering, one frame buffered"
  sps.bit(0); // aspect_ratio_info_present_flag
  sps.bit(0); // overscan_info_present_flag
  sps.bit(0); // video_signal_type_present_flag
  sps.bit(0); // chroma_loc_info_present_flag
  sps.bit(0); // timing_info_present_flag
  sps.bit(0); // nal_hrd_parameters_present_flag
  sps.bit(0); // vcl_hrd_parameters_present_flag
  sps.bit(0); // pic_struct_present_flag
  sps.bit(1); // bitstream_restriction_flag
  sps.bit(1); // motion_vectors_over_pic_boundaries_flag
  sps.ue(0); // max_bytes_per_pic_denom
  sps.ue(0); // max_bits_per_mb_denom
  sps.ue(16); // log2_max_mv_length_horizontal
  sps.ue(16); // log2_max_mv_length_vertical
  sps.ue(0); // max_num_reorder_frames
  sps.ue(1); // max_dec_frame_buffering

  const pps = new BitWriter();
  pps.ue(0); // pic_parameter_set_id
  pps.ue(0); // seq_parameter_set_id
  pps.bit(0); // entropy_coding_mode_flag: CAVLC
  pps.bit(0); // bottom_field_pic_order_in_frame_present_flag
  pps.ue(0); // num_slice_groups_minus1
  pps.ue(0); // num_ref_idx_l0_default_active_minus1
  pps.ue(0); // num_ref_idx_l1_default_active_minus1
  pps.bit(0); // weighted_pred_flag
  pps.u(2, 0); // weighted_bipred_idc
  pps.se(0); // pic_init_qp_minus26
  pps.se(0); // pic_init_qs_minus26
  pps.se(0); // chroma_qp_index_offset
  pps.bit(1); // deblocking_filter_control_present_flag
  pps.bit(0); // constrained_intra_pred_flag
  pps.bit(0); // redundant_pic_cnt_present_flag

  return concat([nal(3, 7, sps.trailing()), nal(3, 8, pps.trailing())]);
}

const luma = new Uint8Array(256);
const chroma = new Uint8Array(64);

function writePcmMacroblock(w: BitWriter, picture: YuvPicture, mbX: number, mbY: number): void {
  w.alignZero(); // pcm_alignment_zero_bit
  for (let row = 0; row < MB; row++) {
    const start = (mbY * MB + row) * picture.codedWidth + mbX * MB;
    luma.set(picture.y.subarray(start, start + MB), row * MB);
  }
  w.raw(luma);
  const chromaWidth = picture.codedWidth / 2;
  for (const plane of [picture.u, picture.v]) {
    for (let row = 0; row < 8; row++) {
      const start = (mbY * 8 + row) * chromaWidth + mbX * 8;
      chroma.set(plane.subarray(start, start + 8), row * 8);
    }
    w.raw(chroma);
  }
}

function macroblockDiffers(a: YuvPicture, b: YuvPicture, mbX: number, mbY: number): boolean {
  for (let row = 0; row < MB; row++) {
    const start = (mbY * MB + row) * a.codedWidth + mbX * MB;
    for (let i = start; i < start + MB; i++) if (a.y[i] !== b.y[i]) return true;
  }
  const chromaWidth = a.codedWidth / 2;
  for (let row = 0; row < 8; row++) {
    const start = (mbY * 8 + row) * chromaWidth + mbX * 8;
    for (let i = start; i < start + 8; i++) if (a.u[i] !== b.u[i] || a.v[i] !== b.v[i]) return true;
  }
  return false;
}

/** An IDR picture: every macroblock I_PCM. `idrId` must differ between two IDRs in a row. */
export function encodeKeyFrame(picture: YuvPicture, idrId: number): Uint8Array {
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(7); // slice_type: I (all slices of the picture)
  w.ue(0); // pic_parameter_set_id
  w.u(4, 0); // frame_num
  w.ue(idrId & 0xffff); // idr_pic_id
  w.bit(0); // no_output_of_prior_pics_flag
  w.bit(0); // long_term_reference_flag
  w.se(0); // slice_qp_delta
  w.ue(1); // disable_deblocking_filter_idc: samples stay exactly as coded
  const mbsWide = picture.codedWidth / MB;
  const mbsHigh = picture.codedHeight / MB;
  for (let mbY = 0; mbY < mbsHigh; mbY++) {
    for (let mbX = 0; mbX < mbsWide; mbX++) {
      w.ue(25); // mb_type I_PCM
      writePcmMacroblock(w, picture, mbX, mbY);
    }
  }
  return nal(3, 5, w.trailing());
}

/**
 * A P picture against `previous` (the last decoded picture): changed macroblocks are coded I_PCM, the
 * rest P_Skip (zero motion, since every coded neighbour is intra). `frameNum` is 1..15 after the IDR.
 */
export function encodeDeltaFrame(picture: YuvPicture, previous: YuvPicture, frameNum: number): Uint8Array {
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(5); // slice_type: P (all slices)
  w.ue(0); // pic_parameter_set_id
  w.u(4, frameNum & 15); // frame_num
  w.bit(0); // num_ref_idx_active_override_flag
  w.bit(0); // ref_pic_list_modification_flag_l0
  w.bit(0); // adaptive_ref_pic_marking_mode_flag
  w.se(0); // slice_qp_delta
  w.ue(1); // disable_deblocking_filter_idc
  const mbsWide = picture.codedWidth / MB;
  const total = mbsWide * (picture.codedHeight / MB);
  let skipped = 0;
  for (let address = 0; address < total; address++) {
    const mbX = address % mbsWide;
    const mbY = Math.floor(address / mbsWide);
    if (!macroblockDiffers(picture, previous, mbX, mbY)) {
      skipped += 1;
      continue;
    }
    w.ue(skipped); // mb_skip_run
    skipped = 0;
    w.ue(30); // mb_type: I_PCM in a P slice (5 + 25)
    writePcmMacroblock(w, picture, mbX, mbY);
  }
  if (skipped > 0) w.ue(skipped);
  return nal(2, 1, w.trailing());
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// ---- the test pattern ------------------------------------------------------------------------------

/** Cells of the counter grid: 8 columns x 4 rows of one macroblock each, from (16,16). */
export const PATTERN_GRID = { x: 16, y: 16, cell: 16, columns: 8, rows: 4 } as const;
/** 24 bits of counter, then 8 bits of the headset's tag. */
export const COUNTER_BITS = 24;
export const TAG_BITS = 8;

/** A stable 8-bit tag and colour for a headset, from its serial number. */
export function headsetTag(serial: string): number {
  let hash = 2166136261;
  for (let i = 0; i < serial.length; i++) hash = Math.imul(hash ^ serial.charCodeAt(i), 16777619);
  return (hash >>> 0) & 0xff;
}

export function headsetColour(serial: string): { r: number; g: number; b: number } {
  const hue = (headsetTag(serial) / 256) * 6;
  const sector = Math.floor(hue);
  const f = hue - sector;
  const hi = 200;
  const lo = 60;
  const mid = (t: number) => Math.round(lo + (hi - lo) * t);
  const table: Array<[number, number, number]> = [
    [hi, mid(f), lo],
    [mid(1 - f), hi, lo],
    [lo, hi, mid(f)],
    [lo, mid(1 - f), hi],
    [mid(f), lo, hi],
    [hi, lo, mid(1 - f)],
  ];
  const [r, g, b] = table[sector % 6] ?? [hi, lo, lo];
  return { r, g, b };
}

/** BT.601 limited range, what decoders assume without VUI colour information. */
function toYuv(r: number, g: number, b: number): [number, number, number] {
  const y = 16 + (65.738 * r + 129.057 * g + 25.064 * b) / 256;
  const u = 128 + (-37.945 * r - 74.494 * g + 112.439 * b) / 256;
  const v = 128 + (112.439 * r - 94.154 * g - 18.285 * b) / 256;
  const clamp = (x: number) => Math.max(1, Math.min(254, Math.round(x)));
  return [clamp(y), clamp(u), clamp(v)];
}

function fillRect(picture: YuvPicture, x0: number, y0: number, w: number, h: number, rgb: [number, number, number]): void {
  const [y, u, v] = toYuv(...rgb);
  const x1 = Math.min(picture.codedWidth, x0 + w);
  const y1 = Math.min(picture.codedHeight, y0 + h);
  for (let row = Math.max(0, y0); row < y1; row++) picture.y.fill(y, row * picture.codedWidth + Math.max(0, x0), row * picture.codedWidth + x1);
  const cw = picture.codedWidth / 2;
  for (let row = Math.max(0, y0) >> 1; row < y1 >> 1; row++) {
    picture.u.fill(u, row * cw + (Math.max(0, x0) >> 1), row * cw + (x1 >> 1));
    picture.v.fill(v, row * cw + (Math.max(0, x0) >> 1), row * cw + (x1 >> 1));
  }
}

// 3x5 digits, one string per row, for people looking at the tile.
const DIGITS = ['111101101101111', '010110010010111', '111001111100111', '111001111001111', '101101111001001', '111100111001111', '111100111101111', '111001001001001', '111101111101111', '111101111001111'];

/** Draws the pattern for frame `counter` of headset `serial` (an asleep headset is not drawn at all). */
const painted = new WeakMap<YuvPicture, string>();

export function drawTestPattern(picture: YuvPicture, serial: string, counter: number): void {
  const colour = headsetColour(serial);
  const background: [number, number, number] = [colour.r, colour.g, colour.b];
  // The background never changes: painted once per picture, then only the cells and digits are.
  if (painted.get(picture) !== serial) {
    fillRect(picture, 0, 0, picture.codedWidth, picture.codedHeight, background);
    painted.set(picture, serial);
  }
  const tag = headsetTag(serial);
  const value = (counter & 0xffffff) | (tag << COUNTER_BITS);
  const g = PATTERN_GRID;
  for (let bit = 0; bit < g.columns * g.rows; bit++) {
    const on = ((value >>> bit) & 1) === 1;
    const cx = g.x + (bit % g.columns) * g.cell;
    const cy = g.y + Math.floor(bit / g.columns) * g.cell;
    fillRect(picture, cx, cy, g.cell, g.cell, on ? [255, 255, 255] : [0, 0, 0]);
  }
  const text = String(counter % 1_000_000);
  // Room for six digits, whatever the counter's length, so a shorter number leaves nothing behind.
  const scale = Math.max(2, Math.floor(Math.min(picture.width - 32, 6 * 4 * 8) / (6 * 4)));
  const top = g.y + g.rows * g.cell + 16;
  if (top + 5 * scale > picture.height) return;
  fillRect(picture, 16, top, 6 * 4 * scale, 5 * scale, background);
  for (let i = 0; i < text.length; i++) {
    const glyph = DIGITS[Number(text[i])] ?? '';
    for (let p = 0; p < 15; p++) {
      if (glyph[p] !== '1') continue;
      fillRect(picture, 16 + i * 4 * scale + (p % 3) * scale, top + Math.floor(p / 3) * scale, scale, scale, [255, 255, 255]);
    }
  }
}

/**
 * Reads counter and tag back from decoded RGBA pixels at the picture's own size; null when the cells are
 * not clearly black or white (a corrupt or missing picture).
 */
export function readTestPattern(rgba: Uint8ClampedArray | Uint8Array, width: number): { counter: number; tag: number } | null {
  const g = PATTERN_GRID;
  let value = 0;
  for (let bit = 0; bit < g.columns * g.rows; bit++) {
    const x = g.x + (bit % g.columns) * g.cell + g.cell / 2;
    const y = g.y + Math.floor(bit / g.columns) * g.cell + g.cell / 2;
    const i = (y * width + x) * 4;
    const r = rgba[i] ?? 0;
    const gr = rgba[i + 1] ?? 0;
    const b = rgba[i + 2] ?? 0;
    const level = (r + gr + b) / 3;
    const spread = Math.max(r, gr, b) - Math.min(r, gr, b);
    if (spread > 40 || (level > 60 && level < 190)) return null;
    if (level >= 190) value |= 1 << bit;
  }
  return { counter: value & 0xffffff, tag: (value >>> COUNTER_BITS) & 0xff };
}

export function copyPicture(picture: YuvPicture): YuvPicture {
  return { ...picture, y: picture.y.slice(), u: picture.u.slice(), v: picture.v.slice() };
}
