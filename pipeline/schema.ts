/**
 * The output contract. Every type of the JSON a user or another tool sees is
 * derived from these zod schemas; `scripts/write-schema.ts` publishes them as
 * JSON Schema in `schema/notice.schema.json`.
 *
 * Offsets: every `{start, end}` is a half-open range of UTF-16 code units.
 * `original` ranges index `document.original`; `text` ranges index `document.text`.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = '1.2.0'; // 1.2.0: Problem.statementLabel (optional)

export const Span = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .describe('Half-open range [start, end) in UTF-16 code units');
export type Span = z.infer<typeof Span>;

export const BBox = z
  .object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })
  .describe('Pixel box on the page image the text was read from');
export type BBox = z.infer<typeof BBox>;

export const CorrectionKind = z.enum(['character', 'punctuation', 'script', 'rule']);

/** A character-level change: applied to `text` (corrections) or only proposed (suggestions). */
export const Correction = z.object({
  id: z.string().describe('Stable id: the same input and dictionaries give the same id'),
  kind: CorrectionKind,
  before: z.string(),
  after: z.string(),
  original: Span,
  text: Span.describe('For a suggestion: where `before` sits in text'),
  rule: z.string(),
  confidence: z.number().min(0).max(1),
  note: z.string().optional(),
  alternatives: z.array(z.object({ after: z.string(), score: z.number() })).optional(),
  page: z.number().int().positive().optional(),
  bbox: BBox.optional(),
});
export type Correction = z.infer<typeof Correction>;

export const LayoutRule = z.enum([
  'join-lines',
  'paragraph-break',
  'drop-furniture',
  'remove-space',
  'trim',
  'normalise-whitespace',
]);
export type LayoutRule = z.infer<typeof LayoutRule>;

export const LayoutEdit = z.object({
  rule: LayoutRule,
  before: z.string(),
  after: z.string(),
  original: Span,
  text: Span,
});
export type LayoutEdit = z.infer<typeof LayoutEdit>;

export const Warning = z.object({
  code: z.string(),
  message: z.string(),
  original: Span.optional(),
  text: Span.optional(),
  page: z.number().int().positive().optional(),
});
export type Warning = z.infer<typeof Warning>;

export const BlockType = z.enum([
  'title',
  'document-number',
  'issuer',
  'addressee',
  'preamble',
  'section-heading',
  'subsection-heading',
  'problem-statement',
  'problem-progress',
  'paragraph',
  'closing',
  'signoff',
  'date',
  'contact',
  'copy-number',
  'secrecy',
  'urgency',
  'issuer-mark',
  'signer',
  'attachment',
  'note',
  'copy-to',
  'imprint',
]);
export type BlockType = z.infer<typeof BlockType>;

/** One leaf of the structure. Blocks partition `text`: contiguous, in order, covering every character. */
export const Block = z.object({
  type: BlockType,
  span: Span,
  pages: z.array(z.number().int().positive()).optional(),
});
export type Block = z.infer<typeof Block>;

export const Enumeration = z.object({
  marker: z.string().describe('一是 / 二是 …, as printed (after correction)'),
  ordinal: z.number().int().positive(),
  text: z.string(),
  span: Span,
});
export type Enumeration = z.infer<typeof Enumeration>;

export const Problem = z.object({
  number: z.number().int().positive(),
  marker: z.string().describe('The marker as it appears, e.g. "问题3." or "（二）"'),
  statement: z.string(),
  progress: z.string(),
  progressLabel: z.string().nullable().describe('e.g. 整改进展情况'),
  statementLabel: z.string().optional().describe('A label the statement opens with, e.g. 问题表现 (present only when printed); not part of `statement`'),
  span: Span,
  statementSpan: Span,
  progressSpan: Span.nullable(),
  statementEnumerations: z.array(Enumeration),
  progressEnumerations: z.array(Enumeration),
  pages: z.array(z.number().int().positive()).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Paragraph = z.object({ text: z.string(), span: Span, enumerations: z.array(Enumeration) });
export type Paragraph = z.infer<typeof Paragraph>;

export const Subsection = z.object({
  number: z.number().int().positive(),
  heading: z.string(),
  span: Span,
  paragraphs: z.array(Paragraph),
  problems: z.array(Problem),
});
export type Subsection = z.infer<typeof Subsection>;

export const Section = z.object({
  number: z.number().int().positive(),
  heading: z.string(),
  span: Span,
  paragraphs: z.array(Paragraph),
  subsections: z.array(Subsection),
  problems: z.array(Problem).describe('Problems directly under the section (no subsection)'),
});
export type Section = z.infer<typeof Section>;

export const Contact = z.object({
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  phone: z.array(z.string()),
  email: z.array(z.string()),
  text: z.string(),
  span: Span,
});
export type Contact = z.infer<typeof Contact>;

/** A GB/T 9704 element read as one string: the value (normalised as described) and where it is printed. */
export const Field = z.object({ value: z.string(), span: Span.describe('Where the element is printed in text (its label and brackets excluded)') });
export type Field = z.infer<typeof Field>;

export const Attachment = z.object({
  number: z.number().int().positive().nullable().describe('1, 2, …; null for a single attachment printed without a number'),
  title: z.string(),
  span: Span.describe('The title in text'),
});
export type Attachment = z.infer<typeof Attachment>;

export const Signoff = z.object({
  issuer: z.string().nullable().describe('The issuers joined with 、 (one issuer: its name)'),
  issuers: z.array(z.string()).describe('Each 发文机关署名 line, in print order (several for a joint notice)'),
  date: z.string().nullable(),
  span: Span,
});
export type Signoff = z.infer<typeof Signoff>;

export const Notice = z.object({
  copyNumber: Field.nullable().describe('份号, e.g. 000123'),
  secrecy: Field.nullable().describe('密级和保密期限, e.g. 机密★1年 (a ★ lost by OCR is restored, with a warning)'),
  urgency: Field.nullable().describe('紧急程度: 特急 or 加急'),
  issuerMark: Field.nullable().describe('发文机关标志, e.g. 某某县人民政府文件 (the masthead; never part of the title); spaces removed'),
  title: z.string().nullable(),
  documentNumber: z.string().nullable(),
  signer: Field.nullable().describe('签发人 names (上行文), as printed after the label, spaces collapsed'),
  issuer: z.string().nullable(),
  addressee: z.string().nullable().describe('主送机关, e.g. 各乡镇党委、县直各单位 (without the colon)'),
  date: z.string().nullable().describe('ISO 8601 date (YYYY-MM-DD) of the notice, from the sign-off'),
  preamble: z.array(Paragraph),
  sections: z.array(Section),
  closing: z.array(Paragraph),
  attachments: z.array(Attachment).describe('附件说明: one entry per attachment'),
  signoff: Signoff.nullable(),
  note: Field.nullable().describe('附注, e.g. 此件公开发布 (without its brackets)'),
  contact: Contact.nullable(),
  copyTo: z.array(Field).describe('版记 抄送机关, split on ，、 (final 。 dropped)'),
  printedBy: Field.nullable().describe('版记 印发机关'),
  printDate: Field.nullable().describe('版记 印发日期: value ISO 8601 (YYYY-MM-DD), span the printed date'),
  problemCount: z.number().int().nonnegative(),
});
export type Notice = z.infer<typeof Notice>;

export const Seal = z
  .object({ page: z.number().int().positive(), bbox: BBox })
  .describe('A red seal found on a colour scan and removed from the image before OCR');
export type Seal = z.infer<typeof Seal>;

export const PageInfo = z.object({
  number: z.number().int().positive(),
  method: z.enum(['text', 'text-layer', 'ocr', 'blank']).describe('`blank`: a page with no ink (e.g. a back side), not read'),
  reason: z.string(),
  original: Span.describe('Range of `original` read from this page'),
  confidence: z.number().min(0).max(1).optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  engine: z.enum(['ppocr', 'tesseract']).optional().describe('OCR engine that read the page (OCR pages only)'),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional().describe('Clockwise turn in degrees applied to the page image before OCR'),
  skew: z.number().optional().describe('Skew in degrees found and corrected before OCR (positive: the text ran clockwise)'),
  seals: z.array(Seal).optional().describe('Red seals found on this page (bbox on the page image before any turn)'),
});
export type PageInfo = z.infer<typeof PageInfo>;

export const Source = z.object({
  file: z.string().describe('Input path as given (relative paths kept relative)'),
  kind: z.enum(['text', 'pdf', 'image']),
  sha256: z.string(),
  encoding: z.string().nullable(),
  pages: z.array(PageInfo),
});
export type Source = z.infer<typeof Source>;

export const RunOptions = z
  .object({
    ocr: z.enum(['auto', 'always', 'never']).describe('OCR mode asked for (a text input is read the same in every mode)'),
    decisions: z.string().nullable().describe('Fingerprint of the reviewer decisions applied to this input; null when none'),
    engine: z.enum(['ppocr', 'tesseract']).optional().describe('OCR engine asked for scanned pages (a text input is read the same by every engine)'),
  })
  .describe('The options that change this output: a re-run redoes the input when they differ');
export type RunOptions = z.infer<typeof RunOptions>;

export const NoticeDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  pipelineVersion: z.string(),
  dictionaryVersion: z.string(),
  options: RunOptions.optional().describe('Absent for text given to the library directly'),
  source: Source,
  original: z.string().describe('The extracted text exactly as read, never modified'),
  text: z.string().describe('Final text, one paragraph a line'),
  corrections: z.array(Correction).describe('Applied character, punctuation and script changes'),
  suggestions: z.array(Correction).describe('Changes too uncertain to apply; `text` span is where `before` sits'),
  layoutEdits: z.array(LayoutEdit),
  blocks: z.array(Block),
  notice: Notice,
  warnings: z.array(Warning),
});
export type NoticeDocument = z.infer<typeof NoticeDocument>;
