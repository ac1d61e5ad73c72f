;; 3×3 median of 8-bit grey pixels, edges extended by copying the border pixels, 16 pixels at a
;; time with WebAssembly SIMD: the same algorithm as median.ts's description. For each row, the
;; three values of every column in rows y−1, y, y+1 are sorted into lo/mid/hi (one entry of
;; padding each side, copied from the border column); a window's median is then
;; med(max of three lows, med of three middles, min of three highs).
;; Memory, laid out by median.ts: the source image at $src, the output at $dst, three row buffers
;; of $w + 48 bytes at $buf. Loads and stores run up to 15 bytes past a row: the caller leaves
;; 16 bytes of slack after the source and the output; lanes past the row end are discarded
;; (a row's overrun is written over by the next row, the last row's falls in the slack).
(module
  (memory (export "memory") 1)
  (func $max3 (param v128 v128 v128) (result v128)
    (i8x16.max_u (i8x16.max_u (local.get 0) (local.get 1)) (local.get 2)))
  (func $min3 (param v128 v128 v128) (result v128)
    (i8x16.min_u (i8x16.min_u (local.get 0) (local.get 1)) (local.get 2)))
  (func $med3 (param v128 v128 v128) (result v128)
    (i8x16.max_u
      (i8x16.min_u (local.get 0) (local.get 1))
      (i8x16.min_u (i8x16.max_u (local.get 0) (local.get 1)) (local.get 2))))
  ;; copy the border entries of a row buffer: b[0] = b[1], b[w + 1] = b[w]
  (func $edges (param $b i32) (param $w i32)
    (i32.store8 (local.get $b) (i32.load8_u offset=1 (local.get $b)))
    (i32.store8 offset=1 (i32.add (local.get $b) (local.get $w)) (i32.load8_u (i32.add (local.get $b) (local.get $w)))))
  (func (export "median3x3") (param $src i32) (param $dst i32) (param $w i32) (param $h i32) (param $buf i32)
    (local $y i32) (local $x i32) (local $r0 i32) (local $r1 i32) (local $r2 i32)
    (local $lo i32) (local $mid i32) (local $hi i32) (local $out i32)
    (local $a v128) (local $b v128) (local $c v128) (local $s v128) (local $l v128)
    (local.set $lo (local.get $buf))
    (local.set $mid (i32.add (local.get $lo) (i32.add (local.get $w) (i32.const 48))))
    (local.set $hi (i32.add (local.get $mid) (i32.add (local.get $w) (i32.const 48))))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $y) (local.get $h)))
        (local.set $r1 (i32.add (local.get $src) (i32.mul (local.get $y) (local.get $w))))
        (local.set $r0 (select (local.get $r1) (i32.sub (local.get $r1) (local.get $w)) (i32.eqz (local.get $y))))
        (local.set $r2 (select (local.get $r1) (i32.add (local.get $r1) (local.get $w))
          (i32.eq (local.get $y) (i32.sub (local.get $h) (i32.const 1)))))
        ;; sort each column's three values
        (local.set $x (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $x) (local.get $w)))
            (local.set $a (v128.load (i32.add (local.get $r0) (local.get $x))))
            (local.set $b (v128.load (i32.add (local.get $r1) (local.get $x))))
            (local.set $c (v128.load (i32.add (local.get $r2) (local.get $x))))
            (local.set $s (i8x16.min_u (local.get $a) (local.get $b)))
            (local.set $l (i8x16.max_u (local.get $a) (local.get $b)))
            (v128.store offset=1 (i32.add (local.get $lo) (local.get $x)) (i8x16.min_u (local.get $s) (local.get $c)))
            (v128.store offset=1 (i32.add (local.get $hi) (local.get $x)) (i8x16.max_u (local.get $l) (local.get $c)))
            (v128.store offset=1 (i32.add (local.get $mid) (local.get $x))
              (i8x16.max_u (local.get $s) (i8x16.min_u (local.get $l) (local.get $c))))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (br $cols)))
        (call $edges (local.get $lo) (local.get $w))
        (call $edges (local.get $mid) (local.get $w))
        (call $edges (local.get $hi) (local.get $w))
        ;; each window's median
        (local.set $out (i32.add (local.get $dst) (i32.mul (local.get $y) (local.get $w))))
        (local.set $x (i32.const 0))
        (block $px_done
          (loop $px
            (br_if $px_done (i32.ge_u (local.get $x) (local.get $w)))
            (local.set $a (call $max3
              (v128.load (i32.add (local.get $lo) (local.get $x)))
              (v128.load offset=1 (i32.add (local.get $lo) (local.get $x)))
              (v128.load offset=2 (i32.add (local.get $lo) (local.get $x)))))
            (local.set $c (call $min3
              (v128.load (i32.add (local.get $hi) (local.get $x)))
              (v128.load offset=1 (i32.add (local.get $hi) (local.get $x)))
              (v128.load offset=2 (i32.add (local.get $hi) (local.get $x)))))
            (local.set $b (call $med3
              (v128.load (i32.add (local.get $mid) (local.get $x)))
              (v128.load offset=1 (i32.add (local.get $mid) (local.get $x)))
              (v128.load offset=2 (i32.add (local.get $mid) (local.get $x)))))
            (v128.store (i32.add (local.get $out) (local.get $x)) (call $med3 (local.get $a) (local.get $b) (local.get $c)))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (br $px)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows)))))
