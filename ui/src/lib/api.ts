// Typed calls into the Rust core. Every type here is generated from Rust (bindings/);
// this module only names the commands and turns their failures into FolioError.
import { invoke, type InvokeArgs, type InvokeOptions } from '@tauri-apps/api/core';
import { capitalise } from './errors';
import type { Asset } from './bindings/Asset';
import type { AtsReport } from './bindings/AtsReport';
import type { CoachReport } from './bindings/CoachReport';
import type { KitField } from './bindings/KitField';
import type { LinkedinKit } from './bindings/LinkedinKit';
import type { Command } from './Command';
import type { EntityKind } from './bindings/EntityKind';
import type { ErrorCode } from './bindings/ErrorCode';
import type { ErrorInfo } from './bindings/ErrorInfo';
import type { ExportRecord } from './bindings/ExportRecord';
import type { ExportReport } from './bindings/ExportReport';
import type { Edition } from './bindings/Edition';
import type { ExportRequest } from './bindings/ExportRequest';
import type { FileType } from './bindings/FileType';
import type { FieldError } from './bindings/FieldError';
import type { FileFormat } from './bindings/FileFormat';
import type { ImportMode } from './bindings/ImportMode';
import type { ImportReport } from './bindings/ImportReport';
import type { MarkdownBlock } from './bindings/MarkdownBlock';
import type { MatchReport } from './bindings/MatchReport';
import type { Metric } from './bindings/Metric';
import type { MetricPreset } from './bindings/MetricPreset';
import type { MetricSummary } from './bindings/MetricSummary';
import type { Profile } from './bindings/Profile';
import type { Record } from './bindings/Record';
import type { SearchHit } from './bindings/SearchHit';
import type { Stats } from './bindings/Stats';
import type { Status } from './bindings/Status';
import type { Stored } from './bindings/Stored';
import type { Technology } from './bindings/Technology';
import type { ThemeInfo } from './bindings/ThemeInfo';
import type { TrashItem } from './bindings/TrashItem';

/** A failed command: branch on `code`, show `message`, mark `fields`. */
export class FolioError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;
  readonly fields: FieldError[];

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'FolioError';
    this.code = info.code;
    this.field = info.field;
    this.fields = info.fields;
  }
}

function isErrorInfo(value: unknown): value is ErrorInfo {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** Whatever a command rejected with, as a FolioError. */
export function toFolioError(reason: unknown): FolioError {
  if (reason instanceof FolioError) return reason;
  // The core words its messages as clauses ("the file is…"); on screen they are sentences.
  if (isErrorInfo(reason)) return new FolioError({ ...reason, message: capitalise(reason.message), fields: reason.fields ?? [] });
  return new FolioError({ code: 'internal', message: String(reason), field: null, fields: [] });
}

async function call<T>(command: Command, args?: InvokeArgs, options?: InvokeOptions): Promise<T> {
  try {
    return await invoke<T>(command, args, options);
  } catch (reason) {
    throw toFolioError(reason);
  }
}

/** A PDF to preview, and when known each page's fingerprint: a page whose fingerprint
 * is the one already drawn looks the same and is not drawn again. */
export interface PreviewPdf {
  pdf: ArrayBuffer;
  pages: string[] | null;
}

/** Reads `preview_pdf`'s reply: the page count (u32), each page's fingerprint (u64),
 * both little-endian, then the PDF (see `preview_pdf` in src-tauri/src/commands.rs). */
export function previewFromBytes(bytes: ArrayBuffer): PreviewPdf {
  const view = new DataView(bytes);
  const count = view.getUint32(0, true);
  const pages = Array.from({ length: count }, (_, i) => view.getBigUint64(4 + i * 8, true).toString(16));
  return { pdf: bytes.slice(4 + count * 8), pages };
}

export const api = {
  status: () => call<Status>('status'),
  startEmpty: () => call<null>('start_empty'),
  loadDemo: () => call<Stats>('load_demo'),
  profile: () => call<Profile>('get_profile'),
  updateProfile: (profile: Profile) => call<Profile>('update_profile', { profile }),
  list: (kind: EntityKind) => call<Stored<Record>[]>('list_records', { kind }),
  create: (record: Record) => call<Stored<Record>>('create_record', { record }),
  createBlank: (kind: EntityKind) => call<Stored<Record>>('create_blank', { kind }),
  update: (id: string, record: Record) => call<Stored<Record>>('update_record', { id, record }),
  remove: (kind: EntityKind, id: string) => call<null>('delete_record', { kind, id }),
  restore: (kind: EntityKind, id: string) => call<null>('restore_record', { kind, id }),
  reorder: (kind: EntityKind, ids: string[]) => call<null>('reorder_records', { kind, ids }),
  trash: () => call<TrashItem[]>('trash'),
  emptyTrash: () => call<number>('empty_trash'),
  search: (text: string) => call<SearchHit[]>('search', { text }),
  knownTechnologies: () => call<Technology[]>('known_technologies'),
  metricPresets: () => call<MetricPreset[]>('metric_presets'),
  describeMetric: (metric: Metric) => call<MetricSummary>('describe_metric', { metric }),
  markdown: (text: string) => call<MarkdownBlock[]>('markdown', { text }),
  themes: () => call<ThemeInfo[]>('themes'),
  previewPdf: (request: ExportRequest) => call<ArrayBuffer>('preview_pdf', { request }).then(previewFromBytes),
  atsCheck: (request: ExportRequest) => call<AtsReport>('ats_check', { request }),
  /** Writes the edition as `request.file` says: a PDF, Word, plain text or Markdown. */
  exportDocument: (path: string, request: ExportRequest) => call<ExportReport>('export_document', { path, request }),
  exports: (edition: string | null) => call<ExportRecord[]>('exports', { edition }),
  /** The PDF an export wrote, made again from what was recorded with it. */
  snapshotPdf: (id: string) => call<ArrayBuffer>('snapshot_pdf', { id }),
  coach: (edition: string | null) => call<CoachReport>('coach', { edition }),
  linkedinKit: (edition: string | null) => call<LinkedinKit>('linkedin_kit', { edition }),
  markLinkedinCopied: (key: string, edition: string | null) => call<KitField>('mark_linkedin_copied', { key, edition }),
  /** How well the edition answers the job posting saved in it. */
  matchPosting: (edition: string) => call<MatchReport>('match_posting', { edition }),
  /** Writes a first draft of the edition's cover letter into it (saved), and returns the edition. */
  draftLetter: (edition: string) => call<Stored<Edition>>('draft_letter', { edition }),
  suggestedExportPath: (edition: string | null, file: FileType) => call<string>('suggested_export_path', { edition, file }),
  openExport: (id: string, reveal: boolean) => call<null>('open_export', { id, reveal }),
  /** Shows the database file in its folder. */
  showDatabase: () => call<null>('show_database'),
  /** Opens the guide (the README, as installed) in the system's viewer. */
  openGuide: () => call<null>('open_guide'),
  importFile: (path: string, mode: ImportMode | null, dryRun: boolean) => call<ImportReport>('import_file', { path, mode, dryRun }),
  exportFile: (path: string, format: FileFormat, edition: string | null) => call<number>('export_file', { path, format, edition }),
  importImage: (path: string) => call<Asset>('import_image', { path }),
  /** Pasted bytes as the raw body; the name travels percent-encoded, as headers are ASCII. */
  importImageBytes: (bytes: Uint8Array, name: string) =>
    call<Asset>('import_image_bytes', bytes, { headers: { 'x-file-name': encodeURIComponent(name) } }),
  thumbnail: (id: string) => call<ArrayBuffer>('thumbnail', { id }),
  backupDatabase: (path: string) => call<null>('backup_database', { path }),
  restoreDatabase: (path: string) => call<string>('restore_database', { path }),
};
