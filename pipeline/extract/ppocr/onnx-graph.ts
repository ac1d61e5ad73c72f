/**
 * An ONNX model's graph as a list of nodes that can be rewritten and written back
 * (onnx.proto field numbers). Only nodes and float constants are interpreted; every
 * other part of the model (opsets, inputs, outputs, metadata) is kept as it was read.
 */
import type { Field } from './protobuf-wire.ts';
import {
  bytesField, decodeMessage, encodeMessage, fieldBytes, fieldFloat, fieldString, fieldVarints,
  floatField, messageField, stringField, varintField,
} from './protobuf-wire.ts';

const MODEL_GRAPH = 7;
const GRAPH = { node: 1, initializer: 5, output: 12 } as const;
const NODE = { input: 1, output: 2, opType: 4, attribute: 5 } as const;
const ATTR = { name: 1, f: 2, i: 3, t: 5, ints: 8, type: 20 } as const;
const ATTR_TYPE = { float: 1, int: 2, tensor: 4 } as const;
const TENSOR = { dims: 1, dataType: 2, floatData: 4, name: 8, rawData: 9 } as const;
const FLOAT = 1;

export interface FloatTensor {
  dims: number[];
  data: Float32Array;
}
export interface OnnxNode {
  opType: string;
  inputs: string[];
  outputs: string[];
  /** Name, attributes, domain, doc string: written back as read. */
  rest: Field[];
}
export interface OnnxModel {
  nodes: OnnxNode[];
  /** Float tensors of the graph's initializers (by name). */
  initializers: Map<string, FloatTensor>;
  graphOutputs: Set<string>;
  write(nodes: OnnxNode[]): Uint8Array;
}

export function readModel(buf: Uint8Array): OnnxModel {
  const modelFields = decodeMessage(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  const graphAt = modelFields.findIndex((f) => f.no === MODEL_GRAPH);
  if (graphAt < 0) throw new Error('ONNX: the model has no graph');
  const graphFields = decodeMessage(fieldBytes(modelFields[graphAt]));
  const nodes = graphFields.filter((f) => f.no === GRAPH.node).map((f) => readNode(fieldBytes(f)));
  const initializers = new Map<string, FloatTensor>();
  for (const f of graphFields.filter((g) => g.no === GRAPH.initializer)) {
    const fields = decodeMessage(fieldBytes(f));
    const tensor = readFloatTensor(fields);
    const name = fields.find((g) => g.no === TENSOR.name);
    if (tensor && name) initializers.set(fieldString(name), tensor);
  }
  const graphOutputs = new Set(
    graphFields.filter((f) => f.no === GRAPH.output).map((f) => fieldString(decodeMessage(fieldBytes(f)).find((g) => g.no === 1)!)),
  );
  const write = (rewritten: OnnxNode[]): Uint8Array => {
    const firstNode = graphFields.findIndex((f) => f.no === GRAPH.node);
    const kept = graphFields.filter((f) => f.no !== GRAPH.node);
    const nodeFields = rewritten.map((n) => messageField(GRAPH.node, writeNode(n)));
    const at = firstNode < 0 ? kept.length : graphFields.slice(0, firstNode).filter((f) => f.no !== GRAPH.node).length;
    const graph = [...kept.slice(0, at), ...nodeFields, ...kept.slice(at)];
    const model = modelFields.slice();
    model[graphAt] = messageField(MODEL_GRAPH, graph);
    return encodeMessage(model);
  };
  return { nodes, initializers, graphOutputs, write };
}

function readNode(buf: Uint8Array): OnnxNode {
  const node: OnnxNode = { opType: '', inputs: [], outputs: [], rest: [] };
  for (const f of decodeMessage(buf)) {
    if (f.no === NODE.input) node.inputs.push(fieldString(f));
    else if (f.no === NODE.output) node.outputs.push(fieldString(f));
    else if (f.no === NODE.opType) node.opType = fieldString(f);
    else node.rest.push(f);
  }
  return node;
}

function writeNode(node: OnnxNode): Field[] {
  return [
    ...node.inputs.map((s) => stringField(NODE.input, s)),
    ...node.outputs.map((s) => stringField(NODE.output, s)),
    stringField(NODE.opType, node.opType),
    ...node.rest,
  ];
}

function attributes(node: OnnxNode): Map<string, Field[]> {
  const out = new Map<string, Field[]>();
  for (const f of node.rest) {
    if (f.no !== NODE.attribute) continue;
    const fields = decodeMessage(fieldBytes(f));
    out.set(fieldString(fields.find((g) => g.no === ATTR.name)!), fields);
  }
  return out;
}

export function floatAttribute(node: OnnxNode, name: string): number | undefined {
  const f = attributes(node).get(name)?.find((g) => g.no === ATTR.f);
  return f ? fieldFloat(f) : undefined;
}

export function intAttribute(node: OnnxNode, name: string): number | undefined {
  const f = attributes(node).get(name)?.find((g) => g.no === ATTR.i);
  return f && f.wire === 0 ? Number(f.value) : undefined;
}

export function intsAttribute(node: OnnxNode, name: string): number[] | undefined {
  const fields = attributes(node).get(name);
  return fields ? fieldVarints(fields, ATTR.ints).map(Number) : undefined;
}

export function stringAttribute(node: OnnxNode, name: string): string | undefined {
  const f = attributes(node).get(name)?.find((g) => g.no === 4);
  return f ? fieldString(f) : undefined;
}

/** The float tensor a Constant node produces, or undefined for any other node or type. */
export function constantValue(node: OnnxNode): FloatTensor | undefined {
  if (node.opType !== 'Constant') return undefined;
  const t = attributes(node).get('value')?.find((g) => g.no === ATTR.t);
  return t ? readFloatTensor(decodeMessage(fieldBytes(t))) : undefined;
}

function readFloatTensor(fields: Field[]): FloatTensor | undefined {
  const type = fields.find((f) => f.no === TENSOR.dataType);
  if (!type || type.wire !== 0 || Number(type.value) !== FLOAT) return undefined;
  const dims = fieldVarints(fields, TENSOR.dims).map(Number);
  const count = dims.reduce((a, b) => a * b, 1);
  const raw = fields.find((f) => f.no === TENSOR.rawData);
  const packed = fields.find((f) => f.no === TENSOR.floatData && f.wire === 2);
  const bytes = raw ? fieldBytes(raw) : packed ? fieldBytes(packed) : undefined;
  const data = bytes ? new Float32Array(new Uint8Array(bytes).buffer) // a copy: Buffer.slice would share the file's memory
    : Float32Array.from(fields.filter((f) => f.no === TENSOR.floatData).map(fieldFloat));
  if (data.length !== count) throw new Error(`ONNX: a float tensor of shape [${dims}] holds ${data.length} values`);
  return { dims, data };
}

export function constantNode(output: string, tensor: FloatTensor): OnnxNode {
  const data = new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
  const t = [...tensor.dims.map((d) => varintField(TENSOR.dims, d)), varintField(TENSOR.dataType, FLOAT), bytesField(TENSOR.rawData, data)];
  const value = [stringField(ATTR.name, 'value'), messageField(ATTR.t, t), varintField(ATTR.type, ATTR_TYPE.tensor)];
  return { opType: 'Constant', inputs: [], outputs: [output], rest: [messageField(NODE.attribute, value)] };
}

export function floatAttributeField(name: string, value: number): Field {
  return messageField(NODE.attribute, [stringField(ATTR.name, name), floatField(ATTR.f, value), varintField(ATTR.type, ATTR_TYPE.float)]);
}

export function intAttributeField(name: string, value: number): Field {
  return messageField(NODE.attribute, [stringField(ATTR.name, name), varintField(ATTR.i, value), varintField(ATTR.type, ATTR_TYPE.int)]);
}
