/**
 * The rewritten PP-OCR graphs compute what the shipped ones do: on a real page image
 * (fixtures/pdf/page.png) the detector finds the same line boxes and the recogniser reads
 * the same characters with the same confidences, to float rounding.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectLines } from '../../../pipeline/extract/ppocr/detect.ts';
import { fuseGraph } from '../../../pipeline/extract/ppocr/fuse-graph.ts';
import type { GrayImage } from '../../../pipeline/extract/ppocr/gray.ts';
import type { ModelName, Session } from '../../../pipeline/extract/ppocr/models.ts';
import { createSession, modelPath, run } from '../../../pipeline/extract/ppocr/models.ts';
import { readModel } from '../../../pipeline/extract/ppocr/onnx-graph.ts';
import { recognizeLines } from '../../../pipeline/extract/ppocr/recognize.ts';

let img: GrayImage;
const sessions: Record<'shipped' | 'fused', Partial<Record<ModelName, Session>>> = { shipped: {}, fused: {} };

beforeAll(async () => {
  const { data, info } = await sharp('fixtures/pdf/page.png').greyscale().raw().toBuffer({ resolveWithObject: true });
  img = { gray: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height };
  for (const name of ['det', 'rec', 'cls'] as const) {
    sessions.shipped[name] = await createSession(name, { asShipped: true });
    sessions.fused[name] = await createSession(name);
  }
}, 120_000);

function opCounts(bytes: Uint8Array): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of readModel(bytes).nodes) counts[n.opType] = (counts[n.opType] ?? 0) + 1;
  return counts;
}

/** Adds of a constant read by one Conv and nothing else: each takes onnxruntime out of its NCHWc layout and back. */
function scalarAddsBeforeConv(bytes: Uint8Array): number {
  const { nodes } = readModel(bytes);
  const constants = new Set(nodes.filter((n) => n.opType === 'Constant').flatMap((n) => n.outputs));
  const readers = (name: string) => nodes.filter((n) => n.inputs.includes(name));
  return nodes.filter((n) => n.opType === 'Add' && n.inputs.some((i) => constants.has(i)) && readers(n.outputs[0]).map((r) => r.opType).join() === 'Conv').length;
}

describe('fuseGraph on the shipped PP-OCR models', () => {
  it.each([
    ['det', true],
    ['rec', true],
    ['cls', false],
  ] as const)('%s: every hard-swish becomes HardSigmoid·Mul, and no scalar Add is left in front of a convolution (any before: %s)', (name, affine) => {
    const shipped = readFileSync(modelPath(name));
    const before = opCounts(shipped);
    const after = opCounts(fuseGraph(shipped).bytes);
    expect(before.Clip).toBeGreaterThan(0);
    expect(after.Clip ?? 0).toBe(0);
    expect(after.HardSigmoid).toBe((before.HardSigmoid ?? 0) + before.Clip);
    expect(after.Add).toBeLessThan(before.Add);
    expect(scalarAddsBeforeConv(fuseGraph(shipped).bytes)).toBe(0);
    expect(scalarAddsBeforeConv(shipped) > 0).toBe(affine);
  });

  it('is idempotent: a fused graph has nothing left to fuse', () => {
    const once = fuseGraph(readFileSync(modelPath('rec')));
    const twice = fuseGraph(once.bytes);
    expect(twice.nodesAfter).toBe(once.nodesAfter);
  });

  it('det: the same line boxes, scores within 1e-4', async () => {
    const a = await detectLines(sessions.shipped.det!, img);
    const b = await detectLines(sessions.fused.det!, img);
    expect(a.length).toBeGreaterThan(10);
    expect(b.map(({ score: _, ...box }) => box)).toEqual(a.map(({ score: _, ...box }) => box));
    b.forEach((box, i) => expect(Math.abs(box.score - a[i].score)).toBeLessThan(1e-4));
  });

  it('rec: the same characters and alternatives (those of 1 % or more) on every line of the page, confidences within 1e-4', async () => {
    const boxes = await detectLines(sessions.shipped.det!, img);
    const a = await recognizeLines(sessions.shipped.rec!, img, boxes, 6);
    const b = await recognizeLines(sessions.fused.rec!, img, boxes, 6);
    const chars = (lines: typeof a) => lines.flatMap((l) => l.chars);
    expect(chars(b).map((c) => c.char).join('')).toBe(chars(a).map((c) => c.char).join(''));
    chars(b).forEach((c, i) => {
      const o = chars(a)[i];
      expect(Math.abs(c.confidence - o.confidence)).toBeLessThan(1e-4);
      const clear = (alts: typeof c.alternatives) => alts.filter((x) => x.confidence >= 0.01).map((x) => x.text);
      expect(clear(c.alternatives)).toEqual(clear(o.alternatives));
    });
  });

  it('cls: the same orientation probabilities on line crops', async () => {
    const input = new Float32Array(3 * 48 * 192).map((_, i) => ((i * 7919) % 255) / 127.5 - 1);
    const a = await run(sessions.shipped.cls!, input, [1, 3, 48, 192]);
    const b = await run(sessions.fused.cls!, input, [1, 3, 48, 192]);
    [...b.data].forEach((v, i) => expect(Math.abs(v - a.data[i])).toBeLessThan(1e-5));
  });
});
