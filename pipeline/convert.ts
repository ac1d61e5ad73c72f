/**
 * The pipeline: extract → normalise layout → correct → segment → emit.
 * `createPipeline` does the expensive setup once (the corrector's dictionaries, shared
 * by every pipeline of the process over the same files; OCR workers) and returns the
 * per-document functions. Offsets everywhere index `original`
 * (UTF-16 code units) unless a field says `text`.
 */
import { correctionsWithEvidence, pagesOf, type EvidenceIndex, indexEvidence } from './provenance.ts';
import type { Corrector } from './correct/index.ts';
import { sharedCorrector, sharedDictionaryVersion } from './correct/shared-corrector.ts';
import { changeId, emitDocument, sha256, splitChanges } from './emit.ts';
import { decisionsFingerprint, promoteAccepted, withoutRejected, type DecisionLookup, type DocumentDecisions } from './decision-filter.ts';
import { createExtractor, type Extraction, type ExtractOptions, type Extractor } from './extract/index.ts';
import { DEFAULT_ENGINE, type EngineName } from './extract/ocr.ts';
import { normaliseStages } from './normalise/index.ts';
import type { Correction, NoticeDocument, RunOptions, Source, Warning } from './schema.ts';
import { segment } from './segment/index.ts';
import { TrackedText } from './tracked-text.ts';
import { PIPELINE_VERSION } from './version.ts';
import { hashFile } from './io/hash-file.ts';

export interface PipelineOptions {
  /** folder of the bundled dictionaries (default: the package's `dictionaries/`) */
  dictionaryDir?: string;
  /** user dictionaries (e.g. from `notice dict learn`) loaded after the bundled ones */
  userDictionaries?: string[];
  /** OCR workers (default: number of cores) */
  workers?: number;
  /** OCR engine for scanned pages: 'ppocr' (default, PP-OCRv4) or 'tesseract' (tesseract.js) */
  engine?: EngineName;
  /** reviewer decisions to re-apply (rejected corrections withheld, accepted suggestions applied) */
  decisions?: DecisionLookup;
}

export interface ConvertFileOptions {
  ocr?: ExtractOptions['ocr'];
  /** the name recorded in `source.file` (default: the path) */
  name?: string;
  signal?: AbortSignal;
  /** this document's reviewer decisions, instead of the pipeline's lookup (a queue job carries its own) */
  decisions?: DocumentDecisions;
}

export interface Pipeline {
  readonly dictionaryVersion: string;
  /** the output-changing options `convertFile` records for an input with this sha256 and OCR mode */
  runOptions(sha256: string, ocr: RunOptions['ocr']): RunOptions;
  convertText(text: string, opts?: { file?: string }): NoticeDocument;
  convertFile(path: string, opts?: ConvertFileOptions): Promise<NoticeDocument>;
  close(): Promise<void>;
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const dictionaries = { dir: options.dictionaryDir, userFiles: options.userDictionaries };
  // The corrector (1–2 s to build) is built on first need, or earlier while the OCR workers read a
  // document's first pages (whileOcrBusy): a scan's first pages no longer wait for it. A dictionary
  // file that does not parse therefore fails the first conversion (DICTIONARY_INVALID), not this call.
  let built: Corrector | null = null;
  const corrector = (): Corrector => (built ??= sharedCorrector(dictionaries));
  let warmFailed = false;
  /** Build the corrector now if it can be; a failure is left for the conversion's own call to report. */
  const warm = (): void => {
    if (built || warmFailed) return;
    try {
      corrector().loadModels();
    } catch {
      warmFailed = true;
    }
  };
  const dictionaryVersion = sharedDictionaryVersion(dictionaries);
  let extractor: Extractor | null = null;
  const engine = options.engine ?? DEFAULT_ENGINE;
  const runOptions = (sha: string, ocr: RunOptions['ocr']): RunOptions => ({ ocr, decisions: decisionsFingerprint(options.decisions?.(sha)), engine });
  return {
    dictionaryVersion,
    runOptions,
    convertText(text, opts = {}) {
      const source: Source = {
        file: opts.file ?? '<text>',
        kind: 'text',
        sha256: sha256(text),
        encoding: null,
        pages: [{ number: 1, method: 'text', reason: 'text given directly', original: { start: 0, end: text.length } }],
      };
      return processText(corrector(), text, source, indexEvidence([]), [], { decisions: options.decisions?.(source.sha256) });
    },
    async convertFile(path, opts = {}) {
      extractor ??= createExtractor({ workers: options.workers, engine: options.engine });
      const ex: Extraction = await extractor.extract(path, { ocr: opts.ocr ?? 'auto', signal: opts.signal, whileOcrBusy: warm });
      const source: Source = {
        file: opts.name ?? path,
        kind: ex.kind,
        sha256: await hashFile(path),
        encoding: ex.encoding,
        pages: ex.pages.map(({ number, method, reason, original, confidence, width, height, engine, rotation, skew, seals }) => ({
          number, method, reason, original,
          ...(confidence !== undefined ? { confidence } : {}),
          ...(width !== undefined ? { width } : {}),
          ...(engine !== undefined ? { engine } : {}),
          ...(height !== undefined ? { height } : {}),
          ...(rotation !== undefined ? { rotation } : {}),
          ...(skew !== undefined ? { skew } : {}),
          ...(seals?.length ? { seals } : {}),
        })),
      };
      const extractionWarnings: Warning[] = [
        ...ex.warnings.map((w) => ({ code: w.code, message: w.message, ...(w.page ? { page: w.page } : {}) })),
        ...ex.failures.map((f) => ({ code: `page-failed:${f.code}`, message: f.message, page: f.page })),
      ];
      return processText(corrector(), ex.original, source, indexEvidence(ex.evidence), extractionWarnings, {
        decisions: opts.decisions ?? options.decisions?.(source.sha256),
        // the decisions this conversion used (a queue job carries its own), so the output records them alike
        options: { ocr: opts.ocr ?? 'auto', decisions: decisionsFingerprint(opts.decisions ?? options.decisions?.(source.sha256)), engine },
      });
    },
    async close() {
      await extractor?.close();
      extractor = null;
    },
  };
}

/** Runs one stage; a benchmark passes a timer that measures it. */
export type StageTimer = <T>(stage: string, run: () => T) => T;
const noTimer: StageTimer = (_stage, run) => run();

/** The text stages, in order, on one document. */
export function processText(
  corrector: Corrector,
  original: string,
  source: Source,
  evidence: EvidenceIndex,
  initialWarnings: Warning[],
  { timer = noTimer, decisions, options }: { timer?: StageTimer; decisions?: DocumentDecisions; options?: RunOptions } = {},
): NoticeDocument {
  const tracked = new TrackedText(original);
  const warnings: Warning[] = [...initialWarnings];

  // the extraction's page breaks, in the text each stage sees (furniture sits at them)
  const pageStarts = () => source.pages.map((p) => ({ number: p.number, start: tracked.fromOriginal(p.original.start) }));
  for (const stage of normaliseStages) {
    timer(stage.name, () => {
      const edits = stage.run(tracked.text, (w) => warnings.push(w), pageStarts());
      tracked.apply(withoutRejected(edits, tracked, decisions));
    });
  }
  // signs that the text is OCR output (lone-change.ts): pages read by OCR here, repairs normalisation made
  const ocrSigns = source.pages.filter((p) => p.method === 'ocr').length + tracked.changes().filter((c) => c.metas.some((m) => m.type === 'correction')).length;

  const normalised = tracked.text;
  const engineOfPage = new Map(source.pages.map((p) => [p.number, p.engine]));
  const evidenceAt = (pos: number) => {
    const ev = evidence.at(tracked.toOriginal(pos));
    return ev && { ...ev, engine: engineOfPage.get(ev.page) };
  };
  const found = timer('correct', () => corrector.correctDocument({ text: normalised, evidenceAt: evidence.size ? evidenceAt : undefined, ocrSigns }));
  const decided = promoteAccepted(withoutRejected(found.edits, tracked, decisions), found.suggestions, tracked, decisions);
  const corrected = { ...found, ...decided };
  const proposed = corrected.suggestions.map((s) => ({
    s,
    before: normalised.slice(s.start, s.end),
    original: tracked.originalOf(s),
  }));
  const correctorWarnings = corrected.warnings.map((w) => ({
    w,
    original: tracked.originalOf(w),
  }));
  timer('correct', () => tracked.apply(corrected.edits));
  const text = tracked.text;

  const { corrections, layoutEdits } = splitChanges(tracked);
  const suggestions: Correction[] = [];
  for (const { s, before, original: o } of proposed) {
    const start = tracked.fromOriginal(o.start);
    const end = tracked.fromOriginal(o.end, 'end');
    if (text.slice(start, end) !== before || original.slice(o.start, o.end) !== before) continue;
    if (s.meta.type !== 'correction') continue;
    suggestions.push({
      id: changeId('s', o.start, o.end, s.replacement),
      kind: s.meta.kind,
      before,
      after: s.replacement,
      original: o,
      text: { start, end },
      rule: s.meta.rule,
      confidence: s.meta.confidence,
      ...(s.meta.note ? { note: s.meta.note } : {}),
      ...(s.meta.alternatives ? { alternatives: s.meta.alternatives } : {}),
    });
  }
  for (const { w, original: o } of correctorWarnings) {
    warnings.push({ code: w.code, message: w.message, original: o, text: { start: tracked.fromOriginal(o.start), end: tracked.fromOriginal(o.end, 'end') } });
  }

  const seg = timer('segment', () => segment(text));
  for (const w of seg.warnings) {
    warnings.push({
      code: w.code,
      message: w.message,
      text: { start: w.start, end: w.end },
      original: tracked.originalOf(w),
    });
  }

  const pageOf = pagesOf(source.pages, tracked);
  const blocks = source.pages.length > 1 ? seg.blocks.map((b) => ({ ...b, pages: pageOf(b.span) })) : seg.blocks;
  if (source.pages.length > 1) {
    for (const sec of seg.notice.sections) {
      for (const p of [...sec.problems, ...sec.subsections.flatMap((s) => s.problems)]) p.pages = pageOf(p.span);
    }
  }

  return timer('emit', () => emitDocument({
    pipelineVersion: PIPELINE_VERSION,
    dictionaryVersion: corrector.dictionaryVersion,
    ...(options ? { options } : {}),
    source,
    original,
    text,
    corrections: correctionsWithEvidence(corrections, evidence, source.pages),
    suggestions: correctionsWithEvidence(suggestions, evidence, source.pages),
    layoutEdits,
    blocks,
    notice: seg.notice,
    warnings,
  }));
}

let defaultPipeline: Pipeline | null = null;

/** Convert OCR text with the bundled dictionaries (created once, on first use). */
export function convertText(text: string, opts: { file?: string } = {}): NoticeDocument {
  defaultPipeline ??= createPipeline();
  return defaultPipeline.convertText(text, opts);
}
