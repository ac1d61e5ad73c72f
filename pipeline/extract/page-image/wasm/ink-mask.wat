;; Ink counts of a coarse mask (mask.ts): for every $cell×$cell block of an 8-bit grey image, the
;; number of its pixels darker than $cut. Each image row becomes a row of bits (16 pixels at a
;; time with WebAssembly SIMD, bits past the row end cleared), then each block's share of the row
;; is the popcount of $cell bits read at its offset ($cell ≤ 56, so one unaligned 64-bit load
;; holds them). A second function turns the counts into the mask's bytes.
;; Memory, laid out by mask.ts: the image at $src with 16 bytes of slack after it, the counts
;; (u16, zeroed by the caller, $mw = ceil($w / $cell) a row) at $counts, a row of bits with
;; ceil($w / 8) + 16 bytes at $bits.
(module
  (memory (export "memory") 1)
  (func (export "inkCounts") (param $src i32) (param $w i32) (param $h i32) (param $cut i32) (param $cell i32) (param $counts i32) (param $bits i32)
    (local $y i32) (local $x i32) (local $row i32) (local $m i32) (local $cx i32) (local $mw i32)
    (local $crow i32) (local $start i32) (local $p i32) (local $cutv v128) (local $low i64)
    (local.set $cutv (i8x16.splat (local.get $cut)))
    (local.set $mw (i32.div_u (i32.add (local.get $w) (i32.sub (local.get $cell) (i32.const 1))) (local.get $cell)))
    (local.set $low (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (local.get $cell))) (i64.const 1)))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $y) (local.get $h)))
        (local.set $row (i32.add (local.get $src) (i32.mul (local.get $y) (local.get $w))))
        ;; the row's ink as bits, 16 pixels to two bytes
        (local.set $x (i32.const 0))
        (block $bits_done
          (loop $chunks
            (br_if $bits_done (i32.ge_u (local.get $x) (local.get $w)))
            (local.set $m (i8x16.bitmask (i8x16.lt_u (v128.load (i32.add (local.get $row) (local.get $x))) (local.get $cutv))))
            (if (i32.lt_u (i32.sub (local.get $w) (local.get $x)) (i32.const 16))
              (then (local.set $m (i32.and (local.get $m)
                (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $w) (local.get $x))) (i32.const 1))))))
            (i32.store16 (i32.add (local.get $bits) (i32.shr_u (local.get $x) (i32.const 3))) (local.get $m))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (br $chunks)))
        ;; clear the bytes after the row's bits, which a block's 64-bit load may reach
        (i64.store (i32.add (local.get $bits) (i32.shr_u (local.get $x) (i32.const 3))) (i64.const 0))
        (i64.store offset=8 (i32.add (local.get $bits) (i32.shr_u (local.get $x) (i32.const 3))) (i64.const 0))
        ;; each block's count
        (local.set $crow (i32.add (local.get $counts)
          (i32.shl (i32.mul (i32.div_u (local.get $y) (local.get $cell)) (local.get $mw)) (i32.const 1))))
        (local.set $cx (i32.const 0))
        (local.set $start (i32.const 0))
        (block $cells_done
          (loop $cells
            (br_if $cells_done (i32.ge_u (local.get $cx) (local.get $mw)))
            (local.set $p (i32.add (local.get $crow) (i32.shl (local.get $cx) (i32.const 1))))
            (i32.store16 (local.get $p) (i32.add (i32.load16_u (local.get $p))
              (i32.wrap_i64 (i64.popcnt (i64.and (local.get $low)
                (i64.shr_u (i64.load (i32.add (local.get $bits) (i32.shr_u (local.get $start) (i32.const 3))))
                  (i64.extend_i32_u (i32.and (local.get $start) (i32.const 7)))))))))
            (local.set $start (i32.add (local.get $start) (local.get $cell)))
            (local.set $cx (i32.add (local.get $cx) (i32.const 1)))
            (br $cells)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows))))
  ;; mask bytes from the counts: 1 where a cell's count is at least $need (8 cells at a time; up to
  ;; 7 entries past $n are written, the caller leaves room)
  (func (export "threshold") (param $counts i32) (param $mask i32) (param $n i32) (param $need i32)
    (local $i i32) (local $needv v128) (local $one v128)
    (local.set $needv (i16x8.splat (local.get $need)))
    (local.set $one (i16x8.splat (i32.const 1)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (v128.store64_lane 0 (i32.add (local.get $mask) (local.get $i))
          (i8x16.narrow_i16x8_u
            (v128.and (i16x8.ge_u (v128.load (i32.add (local.get $counts) (i32.shl (local.get $i) (i32.const 1)))) (local.get $needv)) (local.get $one))
            (v128.const i32x4 0 0 0 0)))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $cells)))))
