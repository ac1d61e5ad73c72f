/**
 * Exact rewrites of the PP-OCRv4 graphs that onnxruntime does not make itself (README.md,
 * "OCR engines": each model run took 1.6 times as long without them, measured per op):
 *  - the scalar affine ("learnable affine block") after a convolution goes into the
 *    convolution's weights and bias;
 *  - hard-swish written out as Add 3 → Clip 0..6 → Mul → Div 6 becomes HardSigmoid → Mul
 *    (the models' opsets 9 and 11 predate the HardSwish operator);
 *  - the scalar affine before a convolution goes into that convolution: wholly when it
 *    pads nothing; when it pads (zero padding must stay zero) its scale goes in and its
 *    shift stays, as a 1×1 depthwise convolution, which keeps onnxruntime in its blocked
 *    NCHWc layout (a scalar Add there cost a reorder out and back in: rec 4.2 → 3.7 ms per
 *    100 px of line).
 * Each rewrite changes only the order of floating-point operations.
 */
import type { FloatTensor, OnnxModel, OnnxNode } from './onnx-graph.ts';
import { constantNode, constantValue, floatAttribute, floatAttributeField, intAttribute, intAttributeField, intsAttribute, readModel, stringAttribute } from './onnx-graph.ts';

class GraphIndex {
  readonly producer = new Map<string, OnnxNode>();
  readonly consumers = new Map<string, OnnxNode[]>();
  constructor(readonly model: OnnxModel, nodes: OnnxNode[]) {
    for (const n of nodes) {
      for (const o of n.outputs) this.producer.set(o, n);
      for (const i of n.inputs) {
        const readers = this.consumers.get(i);
        if (readers) readers.push(n);
        else this.consumers.set(i, [n]);
      }
    }
  }
  private readonly constants = new Map<string, FloatTensor | undefined>();
  /** A float constant's value (decoded once per pass); callers copy before changing it. */
  constant(name: string): FloatTensor | undefined {
    if (!this.constants.has(name)) {
      const p = this.producer.get(name);
      this.constants.set(name, p ? constantValue(p) : this.model.initializers.get(name));
    }
    return this.constants.get(name);
  }
  /** The one node reading `name`, when exactly one does and it is not a graph output. */
  soleConsumer(name: string): OnnxNode | undefined {
    const c = this.consumers.get(name);
    return c?.length === 1 && !this.model.graphOutputs.has(name) ? c[0] : undefined;
  }
  scalar(name: string): number | undefined {
    const t = this.constant(name);
    return t && t.data.length === 1 && t.dims.length <= 4 ? t.data[0] : undefined;
  }
}

/** The node list with `removed` nodes left out and each `replaced` node put as its replacements. */
function rebuilt(nodes: OnnxNode[], removed: ReadonlySet<OnnxNode>, replaced: ReadonlyMap<OnnxNode, OnnxNode[]>): OnnxNode[] {
  return nodes.flatMap((n) => (removed.has(n) ? [] : replaced.get(n) ?? [n]));
}

/** The node's one non-constant input and the scalar constant beside it (binary ops). */
function scalarOperand(ix: GraphIndex, node: OnnxNode): { input: string; value: number } | undefined {
  if (node.inputs.length !== 2) return undefined;
  const [a, b] = node.inputs;
  const sb = ix.scalar(b);
  if (sb !== undefined && ix.constant(a) === undefined) return { input: a, value: sb };
  const sa = ix.scalar(a);
  if (sa !== undefined && ix.constant(b) === undefined) return { input: b, value: sa };
  return undefined;
}

interface ConvWeights {
  w: Float32Array;
  dims: number[];
  bias: Float32Array;
}
function convWeights(ix: GraphIndex, conv: OnnxNode): ConvWeights | undefined {
  const w = ix.constant(conv.inputs[1]);
  if (!w || w.dims.length !== 4) return undefined;
  const b = conv.inputs[2] ? ix.constant(conv.inputs[2]) : undefined;
  if (conv.inputs[2] && !b) return undefined;
  return { w: w.data.slice(), dims: w.dims, bias: b ? b.data.slice() : new Float32Array(w.dims[0]) };
}

/** The fused convolution: new weight and bias constants (named after the old weights, so unique) just before it. */
function replaceConv(conv: OnnxNode, weights: ConvWeights, data: string, output: string): OnnxNode[] {
  const wName = `${conv.inputs[1]}.fused`;
  const bName = `${wName}.bias`;
  return [
    constantNode(wName, { dims: weights.dims, data: weights.w }),
    constantNode(bName, { dims: [weights.dims[0]], data: weights.bias }),
    { ...conv, inputs: [data, wName, bName], outputs: [output] },
  ];
}

function foldAffineAfterConv(ix: GraphIndex, nodes: OnnxNode[]): OnnxNode[] {
  const removed = new Set<OnnxNode>();
  const replaced = new Map<OnnxNode, OnnxNode[]>();
  for (const conv of nodes) {
    if (conv.opType !== 'Conv') continue;
    const weights = convWeights(ix, conv);
    if (!weights) continue;
    let output = conv.outputs[0];
    for (let next = ix.soleConsumer(output); next && (next.opType === 'Mul' || next.opType === 'Add'); next = ix.soleConsumer(output)) {
      const operand = scalarOperand(ix, next);
      if (!operand || operand.input !== output) break;
      if (next.opType === 'Mul') {
        for (let i = 0; i < weights.w.length; i++) weights.w[i] *= operand.value;
        for (let o = 0; o < weights.bias.length; o++) weights.bias[o] *= operand.value;
      } else for (let o = 0; o < weights.bias.length; o++) weights.bias[o] += operand.value;
      removed.add(next);
      output = next.outputs[0];
    }
    if (output !== conv.outputs[0]) replaced.set(conv, replaceConv(conv, weights, conv.inputs[0], output));
  }
  return rebuilt(nodes, removed, replaced);
}

function clipsTo(ix: GraphIndex, clip: OnnxNode, lo: number, hi: number): boolean {
  const min = floatAttribute(clip, 'min') ?? (clip.inputs[1] ? ix.scalar(clip.inputs[1]) : undefined);
  const max = floatAttribute(clip, 'max') ?? (clip.inputs[2] ? ix.scalar(clip.inputs[2]) : undefined);
  return min === lo && max === hi;
}

const readsBoth = (node: OnnxNode, a: string, b: string) => node.inputs.length === 2 && node.inputs.includes(a) && node.inputs.includes(b) && a !== b;

function fuseHardSwish(ix: GraphIndex, nodes: OnnxNode[]): OnnxNode[] {
  const removed = new Set<OnnxNode>();
  const replaced = new Map<OnnxNode, OnnxNode[]>();
  for (const add of nodes) {
    if (add.opType !== 'Add') continue;
    const plus = scalarOperand(ix, add);
    if (plus?.value !== 3) continue;
    const clip = ix.soleConsumer(add.outputs[0]);
    if (clip?.opType !== 'Clip' || !clipsTo(ix, clip, 0, 6)) continue;
    const mul = ix.soleConsumer(clip.outputs[0]);
    if (mul?.opType !== 'Mul' || !readsBoth(mul, plus.input, clip.outputs[0])) continue;
    const div = ix.soleConsumer(mul.outputs[0]);
    if (div?.opType !== 'Div' || div.inputs[0] !== mul.outputs[0] || ix.scalar(div.inputs[1]) !== 6) continue;
    const gate = add.outputs[0];
    replaced.set(add, [{ opType: 'HardSigmoid', inputs: [plus.input], outputs: [gate], rest: [floatAttributeField('alpha', 1 / 6), floatAttributeField('beta', 0.5)] }]);
    replaced.set(div, [{ opType: 'Mul', inputs: [plus.input, gate], outputs: div.outputs, rest: [] }]);
    removed.add(clip).add(mul);
  }
  return rebuilt(nodes, removed, replaced);
}

function padsNothing(conv: OnnxNode): boolean {
  const autoPad = stringAttribute(conv, 'auto_pad');
  return (autoPad === undefined || autoPad === 'NOTSET' || autoPad === 'VALID') && (intsAttribute(conv, 'pads') ?? []).every((p) => p === 0);
}

function foldAffineBeforeConv(ix: GraphIndex, nodes: OnnxNode[]): OnnxNode[] {
  const removed = new Set<OnnxNode>();
  const replaced = new Map<OnnxNode, OnnxNode[]>();
  for (const mul of nodes) {
    if (mul.opType !== 'Mul') continue;
    const scale = scalarOperand(ix, mul);
    const add = ix.soleConsumer(mul.outputs[0]);
    const shift = add?.opType === 'Add' ? scalarOperand(ix, add) : undefined;
    const conv = add && ix.soleConsumer(add.outputs[0]);
    if (!scale || scale.value === 0 || !add || shift?.input !== mul.outputs[0] || conv?.opType !== 'Conv' || conv.inputs[0] !== add.outputs[0]) continue;
    const weights = convWeights(ix, conv);
    if (!weights || replaced.has(conv)) continue;
    const perOut = weights.w.length / weights.dims[0];
    const whole = padsNothing(conv);
    for (let o = 0; o < weights.dims[0]; o++) {
      let sum = 0;
      for (let i = o * perOut; i < (o + 1) * perOut; i++) {
        sum += weights.w[i];
        weights.w[i] *= scale.value;
      }
      if (whole) weights.bias[o] += shift.value * sum;
    }
    removed.add(mul);
    if (whole) removed.add(add);
    else replaced.set(add, shiftAsConv(add, scale.input, shift.value / scale.value, weights.dims[1] * (intAttribute(conv, 'group') ?? 1)));
    replaced.set(conv, replaceConv(conv, weights, whole ? scale.input : add.outputs[0], conv.outputs[0]));
  }
  return rebuilt(nodes, removed, replaced);
}

/**
 * `input + shift` over `channels` channels, written as a 1×1 depthwise convolution of weight 1
 * and bias `shift` (the same sum, bit for bit): onnxruntime keeps a convolution in its blocked
 * NCHWc layout, where a scalar Add between two convolutions costs a reorder out and back in.
 */
function shiftAsConv(add: OnnxNode, input: string, shift: number, channels: number): OnnxNode[] {
  const w = `${add.outputs[0]}__shift_w`;
  const b = `${add.outputs[0]}__shift_b`;
  return [
    constantNode(w, { dims: [channels, 1, 1, 1], data: new Float32Array(channels).fill(1) }),
    constantNode(b, { dims: [channels], data: new Float32Array(channels).fill(shift) }),
    { opType: 'Conv', inputs: [input, w, b], outputs: add.outputs, rest: [intAttributeField('group', channels)] },
  ];
}

function dropUnusedConstants(ix: GraphIndex, nodes: OnnxNode[]): OnnxNode[] {
  return nodes.filter((n) => n.opType !== 'Constant' || n.outputs.some((o) => ix.consumers.has(o) || ix.model.graphOutputs.has(o)));
}

export const REWRITES = [foldAffineAfterConv, fuseHardSwish, foldAffineBeforeConv, dropUnusedConstants];

export interface FusedModel {
  bytes: Uint8Array;
  nodesBefore: number;
  nodesAfter: number;
}

export function fuseGraph(onnx: Uint8Array, rewrites = REWRITES): FusedModel {
  const model = readModel(onnx);
  let nodes = model.nodes;
  for (const rewrite of rewrites) nodes = rewrite(new GraphIndex(model, nodes), nodes);
  return { bytes: model.write(nodes), nodesBefore: model.nodes.length, nodesAfter: nodes.length };
}
