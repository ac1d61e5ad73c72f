/** The protobuf wire codec the ONNX rewrite reads and writes models with. */
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../pipeline/extract/ppocr/protobuf-wire.ts';
import {
  decodeMessage, encodeMessage, fieldFloat, fieldString, fieldVarints, floatField, messageField, stringField, varintField,
} from '../../../pipeline/extract/ppocr/protobuf-wire.ts';
import { rng } from '../../../scripts/lib/rng.ts';

function randomField(next: () => number): Field {
  const no = 1 + Math.floor(next() * 30);
  const kind = Math.floor(next() * 4);
  if (kind === 0) return varintField(no, BigInt.asIntN(64, BigInt(Math.floor(next() * 2 ** 53)) * (next() < 0.3 ? -1n : 1n)));
  if (kind === 1) return floatField(no, next() * 1000 - 500);
  if (kind === 2) return { no, wire: 1, value: Uint8Array.from({ length: 8 }, () => Math.floor(next() * 256)) };
  return stringField(no, '甲乙'.repeat(Math.floor(next() * 100)));
}

const plain = (f: Field) => ({ no: f.no, wire: f.wire, value: typeof f.value === 'bigint' ? f.value : [...f.value] });

describe('protobuf wire format', () => {
  it('decodes what it encodes, field for field and byte for byte (seeded random messages, nested ones too)', () => {
    const next = rng(20261204);
    for (let trial = 0; trial < 200; trial++) {
      const inner = Array.from({ length: Math.floor(next() * 6) }, () => randomField(next));
      const fields = [...Array.from({ length: Math.floor(next() * 10) }, () => randomField(next)), messageField(31, inner)];
      const bytes = encodeMessage(fields);
      const back = decodeMessage(bytes);
      expect(back.map(plain)).toEqual(fields.map(plain));
      expect(encodeMessage(back)).toEqual(bytes);
      expect(decodeMessage(back[back.length - 1].value as Uint8Array).map(plain)).toEqual(inner.map(plain));
    }
  });

  it.each([
    [0n, [8, 0]],
    [300n, [8, 0xac, 0x02]],
    [-1n, [8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
  ])('varint %s is written as protobuf writes it', (value, bytes) => {
    expect([...encodeMessage([varintField(1, value)])]).toEqual(bytes);
    expect(decodeMessage(Uint8Array.from(bytes))).toEqual([{ no: 1, wire: 0, value }]);
  });

  it('reads strings, floats and packed or unpacked repeated varints', () => {
    const packed = { no: 4, wire: 2 as const, value: Uint8Array.from([3, 0xac, 0x02]) };
    const fields = decodeMessage(encodeMessage([stringField(1, '卷积'), floatField(2, 0.5), varintField(4, 7), packed]));
    expect(fieldString(fields[0])).toBe('卷积');
    expect(fieldFloat(fields[1])).toBe(0.5);
    expect(fieldVarints(fields, 4)).toEqual([7n, 3n, 300n]);
  });

  it.each([
    ['a length past the end', [0x0a, 0x05, 0x61]],
    ['a varint cut short', [0x08, 0x80]],
    ['wire type 3 (groups)', [0x0b]],
  ])('refuses %s', (_, bytes) => {
    expect(() => decodeMessage(Uint8Array.from(bytes))).toThrow(/protobuf/);
  });
});
