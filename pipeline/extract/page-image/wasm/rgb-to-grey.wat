;; Interleaved 8-bit RGB to grey, (299·R + 587·G + 114·B) / 1000 rounded down (ocr.ts's toGray),
;; 16 pixels at a time with WebAssembly SIMD: the three channels are gathered by shuffles and the
;; weighted sum s made in single precision, exactly (an integer up to 255,000); ⌊s / 1000⌋ is then
;; the truncation of (s + 0.5) · 0.001, which lies 0.0005 or more from an integer on both sides,
;; far beyond the two roundings' error (under 3·10⁻⁵ at 255).
;; Memory, laid out by rgb-to-grey.ts: $n pixels of RGB at $src with 48 bytes of slack after
;; them, the grey output at $dst with 16 bytes of slack.
(module
  (memory (export "memory") 1)
  ;; one group of four pixels: the weighted sum of the four lanes of r, g, b (u32) divided by 1000
  (func $grey4 (param $r v128) (param $g v128) (param $b v128) (result v128)
    (i32x4.trunc_sat_f32x4_s
      (f32x4.mul
        (f32x4.add
          (f32x4.add
            (f32x4.add
              (f32x4.mul (f32x4.convert_i32x4_s (local.get $r)) (f32x4.splat (f32.const 299)))
              (f32x4.mul (f32x4.convert_i32x4_s (local.get $g)) (f32x4.splat (f32.const 587))))
            (f32x4.mul (f32x4.convert_i32x4_s (local.get $b)) (f32x4.splat (f32.const 114))))
          (f32x4.splat (f32.const 0.5)))
        (f32x4.splat (f32.const 0.001)))))
  ;; eight pixels given as u16 lanes of r, g, b: their grey values as u16 lanes
  (func $grey8 (param $r v128) (param $g v128) (param $b v128) (result v128)
    (i16x8.narrow_i32x4_u
      (call $grey4 (i32x4.extend_low_i16x8_u (local.get $r)) (i32x4.extend_low_i16x8_u (local.get $g)) (i32x4.extend_low_i16x8_u (local.get $b)))
      (call $grey4 (i32x4.extend_high_i16x8_u (local.get $r)) (i32x4.extend_high_i16x8_u (local.get $g)) (i32x4.extend_high_i16x8_u (local.get $b)))))
  (func (export "rgbToGrey") (param $src i32) (param $dst i32) (param $n i32)
    (local $i i32) (local $p i32) (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $r v128) (local $g v128) (local $b v128)
    (block $done
      (loop $px
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $p (i32.add (local.get $src) (i32.mul (local.get $i) (i32.const 3))))
        (local.set $v0 (v128.load (local.get $p)))
        (local.set $v1 (v128.load offset=16 (local.get $p)))
        (local.set $v2 (v128.load offset=32 (local.get $p)))
        ;; byte k of the 48 is channel k % 3 of pixel k / 3: lanes 0..15 of v0, 16..31 of v1, 32..47 of v2
        (local.set $r (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 17 20 23 26 29
          (i8x16.shuffle 0 3 6 9 12 15 18 21 24 27 30 0 0 0 0 0 (local.get $v0) (local.get $v1)) (local.get $v2)))
        (local.set $g (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 18 21 24 27 30
          (i8x16.shuffle 1 4 7 10 13 16 19 22 25 28 31 0 0 0 0 0 (local.get $v0) (local.get $v1)) (local.get $v2)))
        (local.set $b (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 16 19 22 25 28 31
          (i8x16.shuffle 2 5 8 11 14 17 20 23 26 29 0 0 0 0 0 0 (local.get $v0) (local.get $v1)) (local.get $v2)))
        (v128.store (i32.add (local.get $dst) (local.get $i))
          (i8x16.narrow_i16x8_u
            (call $grey8 (i16x8.extend_low_i8x16_u (local.get $r)) (i16x8.extend_low_i8x16_u (local.get $g)) (i16x8.extend_low_i8x16_u (local.get $b)))
            (call $grey8 (i16x8.extend_high_i8x16_u (local.get $r)) (i16x8.extend_high_i8x16_u (local.get $g)) (i16x8.extend_high_i8x16_u (local.get $b)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $px)))))
