/**
 * The protobuf wire format, as much as reading and rewriting an ONNX model needs: a
 * message is a list of fields in file order; varints are kept as bigint (int64 values
 * such as axes may be negative), length-delimited and fixed-width fields as their bytes.
 * Fields nobody touches are written back byte for byte.
 */
export type Field =
  | { no: number; wire: 0; value: bigint }
  | { no: number; wire: 1 | 2 | 5; value: Uint8Array };

function readVarint(buf: Uint8Array, at: number): [bigint, number] {
  let value = 0n;
  let shift = 0n;
  for (;;) {
    if (at >= buf.length) throw new Error('protobuf: varint runs past the end of the message');
    const byte = buf[at++];
    value |= BigInt(byte & 0x7f) << shift;
    if (byte < 0x80) return [BigInt.asIntN(64, value), at];
    shift += 7n;
  }
}

export function decodeMessage(buf: Uint8Array): Field[] {
  const fields: Field[] = [];
  let at = 0;
  while (at < buf.length) {
    const [key, next] = readVarint(buf, at);
    at = next;
    const no = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) {
      const [value, after] = readVarint(buf, at);
      fields.push({ no, wire, value });
      at = after;
      continue;
    }
    let size: number;
    if (wire === 2) {
      const [len, after] = readVarint(buf, at);
      size = Number(len);
      at = after;
    } else if (wire === 1 || wire === 5) size = wire === 1 ? 8 : 4;
    else throw new Error(`protobuf: unsupported wire type ${wire} (field ${no})`);
    if (at + size > buf.length) throw new Error(`protobuf: field ${no} runs past the end of the message`);
    fields.push({ no, wire, value: buf.subarray(at, at + size) });
    at += size;
  }
  return fields;
}

function varintBytes(value: bigint): number[] {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

export function encodeMessage(fields: Field[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const push = (part: Uint8Array) => {
    parts.push(part);
    total += part.length;
  };
  for (const f of fields) {
    push(Uint8Array.from(varintBytes(BigInt((f.no << 3) | f.wire))));
    if (f.wire === 0) push(Uint8Array.from(varintBytes(f.value)));
    else {
      if (f.wire === 2) push(Uint8Array.from(varintBytes(BigInt(f.value.length))));
      push(f.value);
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export const bytesField = (no: number, value: Uint8Array): Field => ({ no, wire: 2, value });
export const stringField = (no: number, value: string): Field => bytesField(no, utf8.encode(value));
export const varintField = (no: number, value: number | bigint): Field => ({ no, wire: 0, value: BigInt(value) });
export const messageField = (no: number, fields: Field[]): Field => bytesField(no, encodeMessage(fields));

export function floatField(no: number, value: number): Field {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setFloat32(0, value, true);
  return { no, wire: 5, value: bytes };
}

export function fieldString(f: Field): string {
  if (f.wire !== 2) throw new Error(`protobuf: field ${f.no} is not a string`);
  return fromUtf8.decode(f.value);
}

export function fieldBytes(f: Field): Uint8Array {
  if (f.wire !== 2) throw new Error(`protobuf: field ${f.no} is not length-delimited`);
  return f.value;
}

export function fieldFloat(f: Field): number {
  if (f.wire !== 5) throw new Error(`protobuf: field ${f.no} is not a 32-bit float`);
  return new DataView(f.value.buffer, f.value.byteOffset, 4).getFloat32(0, true);
}

/** A repeated varint field, packed or not. */
export function fieldVarints(fields: Field[], no: number): bigint[] {
  const out: bigint[] = [];
  for (const f of fields) {
    if (f.no !== no) continue;
    if (f.wire === 0) out.push(f.value);
    else if (f.wire === 2) {
      let at = 0;
      while (at < f.value.length) {
        const [v, next] = readVarint(f.value, at);
        out.push(v);
        at = next;
      }
    }
  }
  return out;
}
